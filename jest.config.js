// Two projects: unit tests never touch I/O (use cases run on the in-memory ports of
// test/support/in-memory, proven against Mongo by the contract suites in test/contracts);
// integration tests share one real MongoDB-compatible server started once by the global
// setup, each in a database of its own (fault tests start a server of their own).
import { availableParallelism } from 'node:os';
import { createDefaultEsmPreset } from 'ts-jest';

// tsconfig.json sets `isolatedModules`, so ts-jest transpiles each file on its own
// without type-checking it (`npm run typecheck` does that once for the whole tree).
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
  // One worker more than the cores, up to four: most integration suites wait on a server
  // or a child process, so they overlap well (on 2 cores jest's default, cores - 1, runs
  // one at a time: 1,003 s; two workers 330 s; three 246 s). Fault tests bound their waits
  // generously and assert what happened, not how fast.
  maxWorkers: Math.min(4, availableParallelism() + 1),
  // Agenda 6 keeps a timer alive after each job run: its liveness check sleeps half the
  // lock lifetime (30 s for SLA timers, 150 s for the daily contract job) and is not
  // cancelled when the job finishes or Agenda drains. Found with an async_hooks trace of
  // live Timeouts after the global teardown; the timers end on their own, but a run
  // should end with its results rather than wait minutes for them.
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
