/**
 * A one-click rewrite of one revision (shorter, longer, more casual, more formal, add emoji,
 * translate): the model rewrites the body in the workspace's voice, the result is repaired to the
 * network's limit and rescored, and stored as a child revision (`rewrite:<action>`). The title and
 * thread parts are the parent's, carried over unchanged (and measured again).
 */
import { AppError } from '@plume/errors/app-error';
import { fitsLimit } from '@plume/networks/text/fit-text';
import { loadVoice } from './brand-profile-store.ts';
import { composePost } from '@plume/contract/posts/compose-post';
import { appendDisclosure, removeDisclosure, reserveDisclosure } from './disclosure.ts';
import { appendRevisions, findDraft, findRevision } from './draft-store.ts';
import { fitPost } from './fit-post.ts';
import { checkTitleThread } from './fit-title-thread.ts';
import { recordScores, type GenerateCommand, type GenerateDeps } from './generate-variants.ts';
import type { GenerateResult } from '@plume/llm/gateway/gateway';
import { askModel } from './model-caller.ts';
import { summarizeUsage, type UsageSummary } from './produce-variants.ts';
import { scorePost } from './quality-score.ts';
import { recentPostTexts } from './recent-post-texts.ts';
import { toRevisionView, type RevisionView } from './revision-view.ts';
import { buildRewritePrompt, type RewriteAction } from './rewrite-actions.ts';
import { cleanRewriteAnswer } from './rewrite-answer.ts';
import { textLimitOf } from './target-network.ts';
import { createVoiceMatch } from './voice-match.ts';

export type RewriteCommand = Pick<GenerateCommand, 'workspace' | 'userId'> & {
  draftId: string;
  revisionId: string;
  action: RewriteAction;
};

export async function rewriteRevision(
  deps: GenerateDeps,
  command: RewriteCommand,
): Promise<{ revision: RevisionView; usage: UsageSummary }> {
  const { db, caller } = deps;
  const workspaceId = command.workspace.id;
  const draft = await findDraft(db, workspaceId, command.draftId);
  const parent = await findRevision(db, draft.id, command.revisionId);
  const network = deps.manifest(parent.network);
  if (!network)
    throw new AppError('invalid_state', {
      detail: `Plume has no network "${parent.network}" on this server any more.`,
    });
  const { voice: stored } = await loadVoice(db, command.workspace);
  const briefLanguage = typeof draft.brief['language'] === 'string' ? draft.brief['language'] : undefined;
  const language =
    command.action.action === 'translate' ? command.action.language : (briefLanguage ?? stored.brand.language);
  const voice = { ...stored, brand: { ...stored.brand, language } };
  const disclosure = voice.persona?.disclosure;
  const room = reserveDisclosure(network, disclosure);

  const prompt = buildRewritePrompt(command.action, {
    text: removeDisclosure(parent.text, disclosure),
    network: room,
    voice: command.action.action === 'translate' ? stored : voice,
  });
  const answer = await askModel(
    caller,
    'rewrite',
    {
      system: prompt.system,
      messages: [{ role: 'user', content: prompt.user }],
      maxOutputTokens: 1500,
      temperature: 0.5,
    },
    false,
  );
  const body = cleanRewriteAnswer(answer.text);
  if (!body)
    throw new AppError('llm_refused', {
      detail: `The model (${answer.provider}, ${answer.model}) answered with no text. Try again, or route the rewrite task to another model.`,
    });
  const calls: GenerateResult[] = [answer];
  const fitted = await fitPost({ text: body, hashtags: parent.hashtags }, { target: room, voice, caller, language });
  if (fitted.reask) calls.push(fitted.reask);
  const text = appendDisclosure(fitted.text, disclosure);
  const check = fitsLimit(composePost(text, fitted.hashtags), textLimitOf(network));
  const brief = typeof draft.brief['topic'] === 'string' ? draft.brief['topic'] : '';
  const recentPosts = await recentPostTexts(db, workspaceId);
  const quality = await scorePost(
    { text: fitted.text, hashtags: fitted.hashtags, network: room, voice, brief, recentPosts },
    { voiceMatch: createVoiceMatch(caller, (call) => calls.push(call)) },
  );
  const usageId = fitted.reask?.usageId ?? answer.usageId;
  const warnings = checkTitleThread({ title: parent.title ?? undefined, thread: parent.thread }, network).map(
    (issue) => issue.message,
  );

  const [row] = await db.transaction(async (tx) => {
    await findDraft(tx, workspaceId, draft.id, { lock: true });
    return appendRevisions(tx, draft.id, command.userId, [
      {
        variant: parent.variant,
        network: parent.network,
        text,
        hashtags: fitted.hashtags,
        title: parent.title ?? undefined,
        thread: parent.thread,
        cta: parent.cta ?? undefined,
        altText: parent.altText ?? undefined,
        source: `rewrite:${command.action.action}`,
        parentId: parent.id,
        quality: {
          ...quality,
          count: check.count,
          limit: check.limit,
          fits: check.fits,
          ...(fitted.repaired ? { repaired: fitted.repaired } : {}),
          ...(warnings.length > 0 ? { warnings } : {}),
        },
        usageId,
      },
    ]);
  });
  if (!row) throw new Error('revision insert returned no row');
  await recordScores(db, workspaceId, [{ usageId, score: quality.score }]);
  return { revision: toRevisionView(row), usage: summarizeUsage(answer, calls) };
}
