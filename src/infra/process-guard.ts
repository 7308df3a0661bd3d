/**
 * The server process's policy for what nothing else caught. An uncaught exception or an
 * unhandled rejection leaves the process in a state nobody planned for, so it does not
 * carry on; but dying on the spot would cut requests and database writes in half. It is
 * logged with a correlation id, then the process shuts down as on SIGTERM (stop
 * taking requests, drain the outbox, close the database) and exits non-zero, so a
 * supervisor restarts it and a monitor counts it. SIGTERM and SIGINT shut down the same way
 * and exit 0; a second signal exits at once.
 */
import { randomUUID } from 'node:crypto';
import { summarizeError } from './error-summary.js';
import type { Logger } from './logger.js';

type Fault = 'uncaughtException' | 'unhandledRejection';
type Signal = 'SIGTERM' | 'SIGINT';

/** The few `process` methods the guard uses (an EventEmitter stands in for it in tests). */
export interface GuardedProcess {
  on(event: Fault, listener: (error: unknown) => void): unknown;
  on(event: Signal, listener: () => void): unknown;
  off(event: Fault, listener: (error: unknown) => void): unknown;
  off(event: Signal, listener: () => void): unknown;
}

export interface ProcessGuardOptions {
  readonly log: Pick<Logger, 'fatal' | 'error'>;
  /** The server's graceful shutdown; called once whatever ends the process. */
  readonly shutdown: (reason: string) => Promise<void>;
  readonly exit: (code: number) => void;
  /** How long the shutdown may take before the process exits anyway. */
  readonly graceMs?: number;
  readonly target?: GuardedProcess;
}

const DEFAULT_GRACE_MS = 15_000;

/** Installs the policy; returns a function that removes it. */
export const guardProcess = (options: ProcessGuardOptions): (() => void) => {
  const target = options.target ?? (process as GuardedProcess);
  const { log } = options;
  let exitCode: number | undefined;

  const end = (code: number, reason: string) => {
    if (exitCode !== undefined) {
      exitCode = Math.max(exitCode, code);
      return;
    }
    exitCode = code;
    // A shutdown that hangs is cut short, still with a failing code after a fault.
    const deadline = setTimeout(() => {
      log.error({ reason, graceMs: options.graceMs ?? DEFAULT_GRACE_MS }, 'shutdown timed out');
      options.exit(Math.max(exitCode ?? code, 1));
    }, options.graceMs ?? DEFAULT_GRACE_MS);
    options
      .shutdown(reason)
      .catch((error: unknown) => {
        log.error({ reason, error: summarizeError(error) }, 'shutdown failed');
        exitCode = Math.max(exitCode ?? code, 1);
      })
      .finally(() => {
        clearTimeout(deadline);
        options.exit(exitCode ?? code);
      });
  };

  const onFault = (kind: Fault) => (error: unknown) => {
    const correlationId = randomUUID();
    const stopping = exitCode !== undefined;
    log.fatal(
      { correlationId, kind, error: summarizeError(error) },
      stopping ? `${kind} while shutting down` : `${kind}: shutting down`,
    );
    end(1, `${kind} ${correlationId}`);
  };
  const onSignal = (signal: Signal) => () => {
    // A second Ctrl-C means "now", as it did before any handler was installed.
    if (exitCode !== undefined) options.exit(Math.max(exitCode, 1));
    else end(0, signal);
  };

  const listeners = {
    uncaughtException: onFault('uncaughtException'),
    unhandledRejection: onFault('unhandledRejection'),
    SIGTERM: onSignal('SIGTERM'),
    SIGINT: onSignal('SIGINT'),
  };
  target.on('uncaughtException', listeners.uncaughtException);
  target.on('unhandledRejection', listeners.unhandledRejection);
  target.on('SIGTERM', listeners.SIGTERM);
  target.on('SIGINT', listeners.SIGINT);
  return () => {
    target.off('uncaughtException', listeners.uncaughtException);
    target.off('unhandledRejection', listeners.unhandledRejection);
    target.off('SIGTERM', listeners.SIGTERM);
    target.off('SIGINT', listeners.SIGINT);
  };
};
