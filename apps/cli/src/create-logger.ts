import pino, { type Logger } from 'pino';
import type { PlumeConfig } from '@plume/config/load-config';

/** JSON logs with secrets redacted wherever they could appear in a logged request. */
export function createLogger(config: PlumeConfig): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'plume' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
        'res.headers["set-auth-token"]',
        '*.password',
        '*.token',
        '*.key',
      ],
      censor: '[redacted]',
    },
  });
}
