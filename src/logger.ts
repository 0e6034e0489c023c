import pino, { type Logger } from 'pino';

/** One pino logger for the process; JSON lines, level from config. */
export function createLogger(level: string): Logger {
  // Synchronous writes: the last lines before exit (shutdown, fatal errors) must not be lost in a buffer.
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ sync: true }));
}
export type { Logger };

/**
 * Libraries that write to the console (graphql-ws reports socket errors with console.error and a
 * stack) land in the log as one JSON line each instead of multi-line text beside it.
 */
export function routeConsoleToLog(log: Logger): void {
  const line = (level: 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    const err = args.find((a): a is Error => a instanceof Error);
    const message = args.filter((a) => !(a instanceof Error)).map(String).join(' ');
    if (err) log[level]({ err }, message);
    else log[level](message);
  };
  console.log = line('info');
  console.info = line('info');
  console.warn = line('warn');
  console.error = line('error');
}
