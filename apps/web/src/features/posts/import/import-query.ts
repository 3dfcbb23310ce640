import { api } from '../../../lib/api.ts';
import { postsPath } from '../posts-query.ts';
import type { ImportReport } from './import-report.ts';

/** Checks (`dryRun`) or imports a CSV of posts; a refused import rejects with a 422 `import_rejected`. */
export function importPostsCsv(workspaceId: string, csv: string, dryRun: boolean): Promise<ImportReport> {
  return api.post<ImportReport>(`${postsPath(workspaceId)}/import`, { csv, dryRun });
}
