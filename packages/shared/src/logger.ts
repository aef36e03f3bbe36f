import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** JSON logger for one process; child loggers carry `requestId` / `jobId` on every line. */
export function createLogger(
  name: string,
  options: LoggerOptions = {},
  destination?: DestinationStream,
): Logger {
  const config: LoggerOptions = {
    name,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization'],
      censor: '[redacted]',
    },
    ...options,
  };
  return destination ? pino(config, destination) : pino(config);
}
