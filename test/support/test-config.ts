/**
 * The example config as tests run it: the same desk, with the outbox polled every 50 ms
 * instead of every second. Each step of a conversation waits for a poll, so at the
 * production interval a test spends most of its time idle; the delivery path is the same.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export const TEST_OUTBOX_POLL_MS = 50;

/** caseline.example.yaml, parsed, with the test's outbox interval. */
export const exampleConfig = <T extends object = Record<string, unknown>>(): T & {
  outbox: Record<string, number>;
} => {
  const config = parse(readFileSync('caseline.example.yaml', 'utf8')) as T & {
    outbox?: Record<string, number>;
  };
  return { ...config, outbox: { ...config.outbox, pollMs: TEST_OUTBOX_POLL_MS } };
};

/** Writes a config (by default the example as tests run it) to a file of its own. */
export const writeTestConfig = (config: object = exampleConfig()): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'caseline-test-')), 'caseline.yaml');
  writeFileSync(file, stringify(config));
  return file;
};

let shared: string | undefined;
/** One file per test process for the unchanged example config. */
export const testConfigFile = (): string => (shared ??= writeTestConfig());

/**
 * For tests that crash the app or kill its database: what a crash left behind is resumed
 * within seconds instead of a minute. The leases stay well above one delivery's work, so a
 * live worker never loses an entry it is still working on.
 */
export const withQuickRecovery = <T extends object>(config: T): T => {
  const { inbox, outbox } = config as { inbox?: object; outbox?: object };
  return {
    ...config,
    inbox: { ...inbox, leaseSeconds: 10, sweepSeconds: 2 },
    outbox: { ...outbox, leaseSeconds: 10 },
  };
};
