import { AppError } from '@plume/errors/app-error';

const DAY_MS = 86_400_000;

/** The period a query names, checked: `from` before `to`, one year at most. */
export function resolvePeriod(query: { from?: string | undefined; to?: string | undefined }): { from: Date; to: Date } {
  const to = query.to === undefined ? new Date() : new Date(query.to);
  const from = query.from === undefined ? new Date(to.getTime() - 30 * DAY_MS) : new Date(query.from);
  if (from.getTime() >= to.getTime()) throw AppError.validation('query/from', '`from` must be before `to`.');
  if (to.getTime() - from.getTime() > 366 * DAY_MS)
    throw AppError.validation('query/from', 'At most 366 days at a time.');
  return { from, to };
}
