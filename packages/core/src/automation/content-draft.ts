/**
 * `generate_draft` through the content studio: one variant for the rule's accounts (the LLM gateway
 * with its routing and budget, the voice, limits and quality score), accepted as a draft post whose
 * history names the rule. The same path as a plan's brief (planning/plans/draft-brief.ts).
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { workspaces } from '@plume/db/schema/workspaces';
import type { LlmGateway } from '@plume/llm/gateway/gateway';
import { AppError } from '@plume/errors/app-error';
import { acceptVariant } from '../content/accept-variant.ts';
import { listRevisions } from '../content/draft-store.ts';
import { generateVariants } from '../content/generate-variants.ts';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import type { GenerateDraft } from './automation-services.ts';

export function contentStudioDrafts(deps: {
  db: Database;
  runtime: NetworkRuntime;
  gateway: Pick<LlmGateway, 'generate'>;
}): GenerateDraft {
  return async (input) => {
    const [workspace] = await deps.db.select().from(workspaces).where(eq(workspaces.id, input.workspaceId));
    if (workspace === undefined) throw AppError.notFound('workspace');
    const generated = await generateVariants(
      {
        db: deps.db,
        caller: { gateway: deps.gateway, workspaceId: input.workspaceId, userId: null },
        manifest: (id) => deps.runtime.providers.find((provider) => provider.manifest.id === id)?.manifest,
      },
      {
        workspace: { id: workspace.id, name: workspace.name, kind: workspace.kind, locale: workspace.locale },
        userId: null,
        brief: { topic: input.topic },
        targets: input.accountIds.map((accountId) => ({ accountId })),
        variants: 1,
      },
    );
    const first = generated.variants[0]?.variant;
    const revisions = await listRevisions(deps.db, generated.draftId);
    const { postId } = await acceptVariant(
      { db: deps.db, runtime: deps.runtime },
      {
        workspaceId: input.workspaceId,
        actor: { userId: null, name: input.by.name, role: 'editor', kind: 'system' },
        draftId: generated.draftId,
        revisionIds: revisions.filter((revision) => revision.variant === first).map((revision) => revision.id),
        accountIds: [...input.accountIds],
      },
    );
    return { postId };
  };
}
