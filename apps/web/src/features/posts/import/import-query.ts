import { importReportSchema } from '@plume/contract/posts/import-schemas';
import { api } from '../../../lib/api.ts';
import { postsPath } from '../posts-query.ts';

/** Checks (`dryRun`) or imports a CSV of posts; a refused import rejects with a 422 `import_rejected`. */
export function importPostsCsv(workspaceId: string, csv: string, dryRun: boolean) {
  return api.post(`${postsPath(workspaceId)}/import`, { csv, dryRun }, importReportSchema);
}
