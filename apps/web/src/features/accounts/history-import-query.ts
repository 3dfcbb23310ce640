import { historyImportReportSchema } from '@plume/contract/analytics/history-import-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

/** Checks (`dryRun`) or imports a CSV of an account's past posts and their results. */
export function importHistoryCsv(workspaceId: string, accountId: string, csv: string, dryRun: boolean) {
  const path = `${workspacePath(workspaceId)}/accounts/${encodeURIComponent(accountId)}/analytics/import`;
  return api.post(`${path}?dryRun=${dryRun}`, { csv }, historyImportReportSchema);
}

/**
 * The file's text: UTF-8 when its bytes are valid UTF-8, else Latin-1 (FiveThirtyEight's exports are
 * not valid UTF-8; read as Latin-1 no character is lost), the way the server's reader does it.
 */
export function decodeCsvFile(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

export const FORMAT_NAMES = { fivethirtyeight: "FiveThirtyEight's tweet export", generic: 'the generic format' };
