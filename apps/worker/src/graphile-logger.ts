import { Logger as GraphileLogger, type LogLevel } from 'graphile-worker';
import type { Logger } from 'pino';

/**
 * Routes graphile-worker's logs into pino so they carry the same format and level. A job that succeeded is
 * logged at debug, not info: the cron jobs run every minute and a publishing burst runs thousands of jobs,
 * which at info buried the lines an operator needs (failures stay at error and warn).
 */
export function createGraphileLogger(logger: Logger): GraphileLogger {
  const child = logger.child({ component: 'graphile-worker' });
  return new GraphileLogger(() => (level: LogLevel, message: string, meta?: unknown) => {
    const fields = typeof meta === 'object' && meta !== null ? withPlainError(meta as Record<string, unknown>) : {};
    if (level === 'error') child.error(fields, message);
    else if (level === 'warning') child.warn(fields, message);
    else if (level === 'info' && !isSuccess(meta)) child.info(fields, message);
    else child.debug(fields, message);
  });
}

function isSuccess(meta: unknown): boolean {
  return typeof meta === 'object' && meta !== null && (meta as { success?: unknown }).success === true;
}

/**
 * graphile-worker passes errors as `error`; a pg error carries the whole client (pg-pool sets
 * `error.client`), which logged as hundreds of lines. Keep what helps: message and code.
 */
function withPlainError(meta: Record<string, unknown>): Record<string, unknown> {
  const { error } = meta;
  if (!(error instanceof Error)) return meta;
  return { ...meta, error: { message: error.message, code: (error as { code?: unknown }).code } };
}
