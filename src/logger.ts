import pino, { type Logger } from 'pino';

/** One pino logger for the process; JSON lines, level from config. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
export type { Logger };
