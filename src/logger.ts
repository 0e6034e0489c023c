import pino, { type Logger } from 'pino';

/** One pino logger for the process; JSON lines, level from config. */
export function createLogger(level: string): Logger {
  // Synchronous writes: the last lines before exit (shutdown, fatal errors) must not be lost in a buffer.
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ sync: true }));
}
export type { Logger };
