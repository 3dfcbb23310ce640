/**
 * "Write posts about this for these networks": resolves the targets (network ids or the workspace's
 * accounts), loads the voice (or a neutral one, with a warning) and template, runs the pipeline in
 * produce-variants.ts, stores a draft with one revision per variant and network, and feeds each
 * call's quality to the router's best_quality statistics.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { socialAccounts } from '@plume/db/schema/social';
import type { WorkspaceKind } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import { recordQuality } from '../llm/model-stats.ts';
import type { NetworkId } from '@plume/networks/contract';
import { loadVoice } from './brand-profile-store.ts';
import { appendRevisions, insertDraft } from './draft-store.ts';
import type { ModelCaller } from './model-caller.ts';
import { produceVariants, type ProducedPost, type UsageSummary } from './produce-variants.ts';
import { recentPostTexts } from './recent-post-texts.ts';
import type { TemplateValues } from './render-template.ts';
import type { TargetNetwork } from './target-network.ts';
import { loadTemplate } from './template-store.ts';
import type { ContentType } from '@plume/contract/content/content-enums';

export type GenerateBrief = {
  topic: string;
  keyPoints?: string[];
  cta?: string;
  contentType?: ContentType;
  templateValues?: TemplateValues;
};
export type GenerateTarget = NetworkId | { accountId: string };

export type GenerateCommand = {
  workspace: { id: string; name: string; kind: WorkspaceKind; locale: string };
  userId: string | null;
  brief: GenerateBrief;
  targets: readonly GenerateTarget[];
  variants: number;
  media?: { count: number; kinds?: string[] };
  language?: string;
};

export type GenerateDeps = {
  db: Database;
  caller: ModelCaller;
  manifest: (id: NetworkId) => TargetNetwork | undefined;
};

export type GeneratedPost = Omit<ProducedPost, 'network' | 'usageId' | 'warnings'> & { revisionId: string };
export type GenerateResponse = {
  draftId: string;
  variants: { variant: number; perNetwork: Record<string, GeneratedPost> }[];
  usage: UsageSummary;
  warnings: string[];
  disclosure: string | null;
};

/** Network ids in the order given, accounts resolved to their network, each network once. */
export async function resolveNetworks(
  deps: Pick<GenerateDeps, 'db' | 'manifest'>,
  workspaceId: string,
  targets: readonly GenerateTarget[],
): Promise<TargetNetwork[]> {
  const accountIds = targets.flatMap((target) => (typeof target === 'string' ? [] : [target.accountId]));
  const accounts =
    accountIds.length === 0
      ? []
      : await deps.db
          .select({ id: socialAccounts.id, network: socialAccounts.network })
          .from(socialAccounts)
          .where(and(eq(socialAccounts.workspaceId, workspaceId), inArray(socialAccounts.id, accountIds)));
  const networks = new Map<string, TargetNetwork>();
  targets.forEach((target, index) => {
    const id =
      typeof target === 'string' ? target : accounts.find((account) => account.id === target.accountId)?.network;
    if (id === undefined) throw AppError.validation(`targets.${index}.accountId`, 'No such account in this workspace.');
    const manifest = deps.manifest(id);
    if (!manifest) throw AppError.validation(`targets.${index}`, `Plume has no network "${id}" on this server.`);
    networks.set(manifest.id, manifest);
  });
  return [...networks.values()];
}

function templateValuesOf(brief: GenerateBrief): TemplateValues {
  return {
    topic: brief.topic,
    ...(brief.keyPoints && brief.keyPoints.length > 0 ? { key_points: brief.keyPoints.join('; ') } : {}),
    ...(brief.cta === undefined ? {} : { cta: brief.cta }),
    ...brief.templateValues,
  };
}

/** Feeds the router: each call's ledger row gets the mean score of the posts it produced. */
export async function recordScores(
  db: Database,
  workspaceId: string,
  posts: readonly { usageId: string; score: number }[],
): Promise<void> {
  const byUsage = new Map<string, number[]>();
  for (const post of posts) byUsage.set(post.usageId, [...(byUsage.get(post.usageId) ?? []), post.score]);
  for (const [usageId, scores] of byUsage)
    await recordQuality(db, usageId, workspaceId, scores.reduce((sum, score) => sum + score, 0) / scores.length);
}

export async function generateVariants(deps: GenerateDeps, command: GenerateCommand): Promise<GenerateResponse> {
  const { db } = deps;
  const workspaceId = command.workspace.id;
  const targets = await resolveNetworks(deps, workspaceId, command.targets);
  const loaded = await loadVoice(db, command.workspace);
  const voice = command.language
    ? { ...loaded.voice, brand: { ...loaded.voice.brand, language: command.language } }
    : loaded.voice;
  const template = await loadTemplate(db, workspaceId, command.brief.contentType ?? 'educational');
  const produced = await produceVariants(deps.caller, {
    voice,
    template,
    templateValues: templateValuesOf(command.brief),
    brief: command.brief.topic,
    targets,
    variants: command.variants,
    mediaCount: command.media?.count ?? 0,
    recentPosts: await recentPostTexts(db, workspaceId),
  });

  const brief = {
    ...command.brief,
    targets: command.targets,
    networks: targets.map((target) => target.id),
    variants: command.variants,
    ...(command.media ? { media: command.media } : {}),
    ...(command.language ? { language: command.language } : {}),
  };
  const flat = produced.variants.flatMap((variant) =>
    variant.posts.map((post) => ({ variant: variant.variant, post })),
  );
  const { draft, revisions } = await db.transaction(async (tx) => {
    const draft = await insertDraft(tx, { workspaceId, brief, createdBy: command.userId });
    const revisions = await appendRevisions(
      tx,
      draft.id,
      command.userId,
      flat.map(({ variant, post }) => ({
        variant,
        network: post.network,
        text: post.text,
        hashtags: post.hashtags,
        title: post.title,
        thread: post.thread,
        cta: post.cta,
        altText: post.altText,
        source: 'generated',
        quality: {
          ...post.quality,
          count: post.count,
          limit: post.limit,
          fits: post.fits,
          ...(post.repaired ? { repaired: post.repaired } : {}),
          ...(post.warnings.length > 0 ? { warnings: post.warnings } : {}),
        },
        usageId: post.usageId,
      })),
    );
    return { draft, revisions };
  });
  await recordScores(
    db,
    workspaceId,
    flat.map(({ post }) => ({ usageId: post.usageId, score: post.quality.score })),
  );

  const warnings = [...loaded.warnings];
  const variants = produced.variants.map((variant) => ({
    variant: variant.variant,
    perNetwork: Object.fromEntries(
      variant.posts.map((post) => {
        const revision = revisions.find((row) => row.variant === variant.variant && row.network === post.network)!;
        if (!post.fits)
          warnings.push(
            `Variant ${variant.variant} for ${post.network} is still over the limit (${post.count} of ${post.limit}); shorten it before publishing.`,
          );
        for (const warning of post.warnings) warnings.push(`Variant ${variant.variant}: ${warning}`);
        const { network: _network, usageId: _usageId, warnings: _warnings, ...rest } = post;
        return [post.network, { revisionId: revision.id, ...rest }];
      }),
    ),
  }));
  return {
    draftId: draft.id,
    variants,
    usage: produced.usage,
    warnings,
    disclosure: voice.persona?.disclosure ?? null,
  };
}
