/**
 * Gets one generated post within its network's limit: `fitToLimit` repairs it without a model (cut at
 * a sentence, clause or word; drop hashtags); when not even the first sentence fits, the model is asked
 * once for a shorter version, stating the limit the network's way. What cannot be fixed is flagged.
 */
import type { Repair } from '@plume/contract/content/content-enums';
import type { GenerateResult } from '@plume/llm/gateway/gateway';
import type { VoiceProfile } from '@plume/contract/content/brand-profile';
import { fitToLimit } from './fit-to-limit.ts';
import { askModel, type ModelCaller } from './model-caller.ts';
import { buildRewritePrompt } from './rewrite-actions.ts';
import { cleanRewriteAnswer } from './rewrite-answer.ts';
import { textLimitOf, type TargetNetwork } from './target-network.ts';

/** How a post was repaired: a FitAction (see fit-to-limit.ts) or `rewritten_shorter` by the model. */
export type { Repair };

export type FittedPost = { text: string; hashtags: string[]; repaired?: Repair; reask?: GenerateResult };

export type FitContext = { target: TargetNetwork; voice: VoiceProfile; caller: ModelCaller; language: string };

/**
 * @example await fitPost({ text: longText, hashtags: ['coffee'] }, { target: xManifest, voice, caller, language: 'en' })
 */
export async function fitPost(
  post: { text: string; hashtags: readonly string[] },
  context: FitContext,
): Promise<FittedPost> {
  const limit = textLimitOf(context.target);
  const first = fitToLimit(post, limit, context.language);
  if (first.action === 'fits') return { text: post.text, hashtags: first.hashtags };
  if (first.action !== 'needs_rewrite') return { text: first.text, hashtags: first.hashtags, repaired: first.action };

  const prompt = buildRewritePrompt(
    { action: 'shorter' },
    { text: post.text, network: context.target, voice: context.voice },
  );
  const reask = await askModel(
    context.caller,
    'rewrite',
    {
      system: prompt.system,
      messages: [{ role: 'user', content: prompt.user }],
      maxOutputTokens: 1500,
      temperature: 0.4,
    },
    false,
  );
  const shorter = cleanRewriteAnswer(reask.text);
  const second = shorter ? fitToLimit({ text: shorter, hashtags: post.hashtags }, limit, context.language) : undefined;
  if (second && second.action !== 'needs_rewrite')
    return { text: second.text, hashtags: second.hashtags, repaired: 'rewritten_shorter', reask };
  // Still too long: the best word cut of the original, or the original itself (flagged as not fitting).
  if (first.text) return { text: first.text, hashtags: first.hashtags, repaired: 'trimmed_word', reask };
  return { text: post.text, hashtags: [...post.hashtags], repaired: 'needs_rewrite', reask };
}
