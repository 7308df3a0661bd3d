import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout (pipe through `npx pino-pretty` to read them in a terminal). */
export const createLogger = (level: string, name = 'caseline'): Logger =>
  pino({ name, level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
