import { spawn } from 'node:child_process';

interface Outcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly lines: readonly Record<string, unknown>[];
}

/** Runs the stand-in server to its end (bounded), with its log lines. */
const run = (
  fault: string,
  options: { env?: Record<string, string>; signal?: NodeJS.Signals } = {},
) =>
  new Promise<Outcome>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/integration/infra/guarded-process.ts', fault],
      { env: { PATH: process.env.PATH ?? '', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (options.signal && !signalled && out.includes('"msg":"ready"')) {
        signalled = true;
        child.kill(options.signal);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the process did not end:\n${out}`));
    }, 30_000);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      const lines = out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      resolve({ code, signal, lines });
    });
  });

const messages = (outcome: Outcome) => outcome.lines.map((line) => line.msg);
// pino writes a fatal line at once and buffers the others: "ready" may come after it.
const shutdownSequence = (outcome: Outcome) => messages(outcome).filter((msg) => msg !== 'ready');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('an uncaught exception is logged with a correlation id, then the process shuts down gracefully and exits 1', async () => {
  const outcome = await run('exception');
  expect(outcome).toMatchObject({ code: 1, signal: null });
  const fatal = outcome.lines.find((line) => line.kind === 'uncaughtException');
  expect(fatal).toMatchObject({
    msg: 'uncaughtException: shutting down',
    correlationId: expect.stringMatching(UUID),
    error: { type: 'Error', message: 'a bug nobody caught', stack: expect.any(String) },
  });
  expect(shutdownSequence(outcome)).toEqual([
    'uncaughtException: shutting down',
    'shutting down',
    'stopped',
  ]);
  const reason = outcome.lines.find((line) => line.msg === 'shutting down')?.reason;
  expect(reason).toBe(`uncaughtException ${String(fatal?.correlationId)}`);
});

test('an unhandled rejection does the same, and its error object stays out of the log', async () => {
  const outcome = await run('rejection');
  expect(outcome).toMatchObject({ code: 1, signal: null });
  const fatal = outcome.lines.find((line) => line.kind === 'unhandledRejection');
  expect(Object.keys((fatal?.error ?? {}) as object).sort()).toEqual(['message', 'stack', 'type']);
  expect(JSON.stringify(outcome.lines)).not.toContain('secret');
  expect(messages(outcome)).toContain('stopped');
});

test('a shutdown that hangs is cut short after the grace period, still exiting 1', async () => {
  const outcome = await run('hanging-shutdown', { env: { GRACE_MS: '300' } });
  expect(outcome).toMatchObject({ code: 1, signal: null });
  expect(shutdownSequence(outcome)).toEqual([
    'uncaughtException: shutting down',
    'shutting down',
    'shutdown timed out',
  ]);
});

test('SIGTERM shuts down gracefully and exits 0', async () => {
  const outcome = await run('none', { signal: 'SIGTERM' });
  expect(outcome).toMatchObject({ code: 0, signal: null });
  expect(messages(outcome)).toEqual(['ready', 'shutting down', 'stopped']);
});
