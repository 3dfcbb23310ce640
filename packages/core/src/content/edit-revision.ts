/**
 * A user's own edit of one revision, stored as a child revision (`manual`). The text is the user's:
 * it is measured the network's way and flagged when over a limit, never trimmed. It is rescored with
 * the deterministic criteria only (no model call, so the voice is "not scored"). A persona's disclosure
 * line is kept on the last line, as on every post Plume writes for a persona.
 */
import { AppError } from '@plume/errors/app-error';
import { fitsLimit } from '@plume/networks/text/fit-text';
import type { z } from 'zod';
import type { revisionEditSchema } from '@plume/contract/content/draft-schemas';
import { loadVoice } from './brand-profile-store.ts';
import { composePost } from '@plume/contract/posts/compose-post';
import { appendDisclosure, removeDisclosure, reserveDisclosure } from './disclosure.ts';
import { appendRevisions, findDraft, findRevision } from './draft-store.ts';
import { checkTitleThread } from './fit-title-thread.ts';
import type { GenerateCommand, GenerateDeps } from './generate-variants.ts';
import { scorePost } from './quality-score.ts';
import { recentPostTexts } from './recent-post-texts.ts';
import { toRevisionView, type RevisionView } from './revision-view.ts';
import { textLimitOf } from './target-network.ts';

export type RevisionEdit = z.infer<typeof revisionEditSchema>;
export type EditCommand = Pick<GenerateCommand, 'workspace' | 'userId'> & {
  draftId: string;
  revisionId: string;
  edit: RevisionEdit;
};

/**
 * @example await editRevision(deps, { workspace, userId, draftId, revisionId, edit: { text: 'My own words.' } })
 */
export async function editRevision(
  deps: Pick<GenerateDeps, 'db' | 'manifest'>,
  command: EditCommand,
): Promise<RevisionView> {
  const { db } = deps;
  const workspaceId = command.workspace.id;
  const draft = await findDraft(db, workspaceId, command.draftId);
  const parent = await findRevision(db, draft.id, command.revisionId);
  const network = deps.manifest(parent.network);
  if (!network)
    throw new AppError('invalid_state', {
      detail: `Plume has no network "${parent.network}" on this server any more.`,
    });

  const { edit } = command;
  const title = edit.title === undefined ? (parent.title ?? undefined) : (edit.title ?? undefined);
  const thread = edit.thread ?? parent.thread;
  const hashtags = edit.hashtags?.map((tag) => tag.replace(/^#/, '')) ?? parent.hashtags;
  const issues = checkTitleThread({ title, thread }, network);
  const blocking = issues.filter((issue) => issue.blocking);
  if (blocking.length > 0) {
    const errors = blocking.map((issue) => ({ path: issue.path, message: issue.message }));
    throw new AppError('validation_failed', {
      detail: errors.map((error) => `${error.path}: ${error.message}`).join('; '),
      errors,
    });
  }

  const { voice } = await loadVoice(db, command.workspace);
  const disclosure = voice.persona?.disclosure;
  const text = appendDisclosure(edit.text, disclosure);
  const body = removeDisclosure(text, disclosure);
  const check = fitsLimit(composePost(text, hashtags), textLimitOf(network));
  const brief = typeof draft.brief['topic'] === 'string' ? draft.brief['topic'] : '';
  const recentPosts = await recentPostTexts(db, workspaceId);
  const quality = await scorePost({
    text: body,
    hashtags,
    network: reserveDisclosure(network, disclosure),
    voice,
    brief,
    recentPosts,
  });
  const warnings = [
    ...(check.fits
      ? []
      : [`The text is ${check.count} of ${check.limit} as ${network.name} counts it; shorten it before publishing.`]),
    ...issues.map((issue) => issue.message),
  ];

  const [row] = await db.transaction(async (tx) => {
    await findDraft(tx, workspaceId, draft.id, { lock: true });
    return appendRevisions(tx, draft.id, command.userId, [
      {
        variant: parent.variant,
        network: parent.network,
        text,
        hashtags,
        title,
        thread,
        cta: parent.cta ?? undefined,
        altText: parent.altText ?? undefined,
        source: 'manual',
        parentId: parent.id,
        quality: {
          ...quality,
          count: check.count,
          limit: check.limit,
          fits: check.fits,
          ...(warnings.length > 0 ? { warnings } : {}),
        },
        usageId: null,
      },
    ]);
  });
  if (!row) throw new Error('revision insert returned no row');
  return toRevisionView(row);
}
