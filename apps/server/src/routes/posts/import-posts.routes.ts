import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importPosts, type ImportReport } from '@plume/core/posts/import-posts';
import { toProblem } from '@plume/errors/problem-details';
import { workspaceParams } from '@plume/contract/common-schemas';
import { importBody, importRejectedSchema, importReportSchema } from '@plume/contract/posts/import-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { withIdempotency } from '../../lib/idempotency.ts';
import { principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { actorFrom } from './post-actor.ts';

const tags = ['posts'];

/** A thousand long posts with quoting fit well under this; JSON escaping adds a little. */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

/** Carries a failed report out of the idempotent block, which then releases its key. */
class ImportRejected extends Error {
  readonly report: ImportReport;
  constructor(report: ImportReport) {
    super('import rejected');
    this.report = report;
  }
}

export async function postImportRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = () => ({ db: context.db, runtime: context.publishing.runtime });

  typed.post(
    '/api/v1/workspaces/:workspaceId/posts/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Bulk-create posts from CSV (editor), all or nothing. `dryRun: true` checks every row the way creating a post does and reports, saving nothing (200). Otherwise 201 with the new post ids, or 422 `import_rejected` with the same per-row report when any row has errors. At most 1,000 rows and 5 MB (413).',
        params: workspaceParams,
        body: importBody,
        response: {
          200: importReportSchema,
          201: importReportSchema,
          ...protectedErrors,
          413: problemSchema,
          422: importRejectedSchema,
        },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const run = (dryRun: boolean) =>
        withFieldPrefix('body', () =>
          importPosts(deps(), {
            workspaceId: access.workspace.id,
            zone: access.workspace.timezone,
            actor: actorFrom(access),
            csv: request.body.csv,
            dryRun,
          }),
        );
      if (request.body.dryRun) return reply.status(200).send(await run(true));
      try {
        return await withIdempotency(context, request, reply, principalKey(access.principal), async () => {
          const report = await run(false);
          if (!report.ok) throw new ImportRejected(report);
          return { status: 201, body: report };
        });
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        const failed = error.report.rows.filter((row) => !row.ok);
        const errors = failed.flatMap((row) =>
          row.errors.map((item) => ({ path: `rows/${row.row}/${item.path}`, message: item.message })),
        );
        const problem = toProblem('import_rejected', {
          detail: `${failed.length} of ${error.report.rows.length} rows have errors (rows ${failed.map((row) => row.row).join(', ')}); nothing was saved.`,
          errors,
          requestId: request.id,
          instance: request.url.split('?')[0] ?? request.url,
        });
        return reply
          .status(422)
          .type('application/problem+json')
          .send({ ...problem, rows: error.report.rows });
      }
    },
  );
}
