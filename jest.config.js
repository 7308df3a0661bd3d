// Two projects: unit tests never touch I/O; integration tests share one real
// MongoDB-compatible server started once by the global setup.
import { createDefaultEsmPreset } from 'ts-jest';

const esm = createDefaultEsmPreset({ tsconfig: 'tsconfig.json' });
const common = {
  ...esm,
  testEnvironment: 'node',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

export default {
  // Integration tests start real servers and processes: a generous guard against hangs,
  // never an assertion about speed.
  testTimeout: 60_000,
  // Something (seen: tsx's esbuild service child and a socket) can keep the process alive
  // after every test has finished and the global teardown stopped the database; a CI run
  // must end with the results rather than wait for it. Open handles are a noted defect.
  forceExit: true,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
