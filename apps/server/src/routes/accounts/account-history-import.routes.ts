import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accountParams } from '@plume/contract/accounts/account-schemas';
import {
  historyImportBody,
  historyImportQuery,
  historyImportReportSchema,
  MAX_HISTORY_CSV_CHARS,
} from '@plume/contract/analytics/history-import-schemas';
import { problemSchema } from '@plume/contract/wire';
import { importHistory } from '@plume/core/analytics/import-history';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['analytics'];

/** The file's 10 MB, with room for JSON escaping (quotes and line breaks). */
const BODY_LIMIT = Math.ceil(MAX_HISTORY_CSV_CHARS * 1.25);

/** Importing an account's past posts and their results from a CSV, so learning starts with its history. */
export async function accountHistoryImportRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/analytics/import',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          "Import the account's past performance from a CSV (editor): FiveThirtyEight's tweet export or the generic format (docs/analytics.md). `?dryRun=true` checks the file and shows the first posts as they would be stored, saving nothing. Rows that cannot be read are listed by line and left out; importing the same file again adds nothing. At most 50,000 rows and 10 MB (413).",
        params: accountParams,
        querystring: historyImportQuery,
        body: historyImportBody,
        response: { 200: historyImportReportSchema, ...protectedErrors, 413: problemSchema },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const { csv, sourceZone } = request.body;
      return withFieldPrefix('body', () =>
        importHistory(
          { db: context.db, runtime: context.publishing.runtime },
          {
            workspaceId: access.workspace.id,
            accountId: request.params.accountId,
            csv,
            dryRun: request.query.dryRun === 'true',
            ...(sourceZone === undefined ? {} : { sourceZone }),
          },
        ),
      );
    },
  );
}
