/**
 * A stand-in server process for the process-guard test: it installs the guard, keeps
 * running like a server, and then meets the fault named on its command line. Its shutdown
 * takes a moment (as a drain does) and logs when it is done.
 */
import { createLogger } from '../../../src/infra/logger.js';
import { guardProcess } from '../../../src/infra/process-guard.js';

const fault = process.argv[2];
const log = createLogger('info', 'guarded');
const running = setInterval(() => undefined, 1000);

guardProcess({
  log,
  graceMs: Number(process.env.GRACE_MS ?? 15_000),
  exit: (code) => process.exit(code),
  shutdown: async (reason) => {
    log.info({ reason }, 'shutting down');
    if (fault === 'hanging-shutdown') return new Promise<void>(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    clearInterval(running);
    log.info('stopped');
  },
});
log.info('ready');

setImmediate(() => {
  if (fault === 'exception' || fault === 'hanging-shutdown') throw new Error('a bug nobody caught');
  // A request object on the error must not reach the log.
  if (fault === 'rejection')
    void Promise.reject(
      Object.assign(new Error('a promise nobody awaited'), { req: { secret: 'x' } }),
    );
});
