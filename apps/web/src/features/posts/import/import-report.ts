import { importRowSchema, type ImportReport } from '@plume/contract/posts/import-schemas';
import { ApiError } from '../../../lib/api.ts';

/**
 * The per-row report inside a 422 `import_rejected` problem, so a refused import shows the same table
 * as a check; null for any other failure (400 unreadable file, 413 too big, network…).
 */
export function rejectedReport(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || error.code !== 'import_rejected') return null;
  const body = error.body as { rows?: unknown } | undefined;
  if (!Array.isArray(body?.rows)) return null;
  // Each row through the contract's schema: what is not a row report is left out, the rest still shows.
  const rows = body.rows.flatMap((row: unknown) => {
    const parsed = importRowSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
  return { dryRun: false, ok: false, rows, postIds: [] };
}

/** How many rows would become posts, and how many have problems. */
export function summarizeReport(report: ImportReport): { good: number; bad: number } {
  const bad = report.rows.filter((row) => !row.ok).length;
  return { good: report.rows.length - bad, bad };
}

/** The column a problem path names, for people: `accounts/1` → `accounts (item 2)`, `row` → `whole row`. */
export function describeColumn(path: string): string {
  if (path === 'row' || path === '') return 'whole row';
  const parts = path.split('/');
  const [column, index] = parts;
  if (parts.length === 2 && index !== undefined && /^\d+$/.test(index)) return `${column} (item ${Number(index) + 1})`;
  return path.replace(/\//g, ' › ');
}
