/**
 * The one-click rewrites of a draft: shorter, longer, more casual, more formal, add emoji, translate.
 * Each becomes an instruction for the model that restates the network's limit the network's way;
 * storing the revisions is the caller's job.
 */
import { z } from 'zod';
import type { RewriteKind } from '@plume/contract/content/content-enums';
import { countText } from '@plume/networks/text/count-text';
import { languageTagSchema, type VoiceProfile } from '@plume/contract/content/brand-profile';
import { numberFormat } from './criterion.ts';
import { describeTextLimit, describeUnit } from './describe-limit.ts';
import { describeVoice, languageName } from './describe-voice.ts';
import { IDEAL_LENGTH } from './length-guidance.ts';
import { textLimitOf, type TargetNetwork } from './target-network.ts';

const simple = (action: Exclude<RewriteKind, 'translate'>) => z.strictObject({ action: z.literal(action) });

export const rewriteActionSchema = z.discriminatedUnion('action', [
  simple('shorter'),
  simple('longer'),
  simple('more_casual'),
  simple('more_formal'),
  simple('add_emoji'),
  z.strictObject({ action: z.literal('translate'), language: languageTagSchema }),
]);

export type RewriteAction = z.infer<typeof rewriteActionSchema>;

export type RewriteContext = { text: string; network: TargetNetwork; voice: VoiceProfile };

export type RewritePrompt = { system: string; user: string };

export type ParseRewriteResult =
  { ok: true; action: RewriteAction } | { ok: false; issues: { path: string; message: string }[] };

/** Validates a requested rewrite; `translate` needs a target language. */
export function parseRewriteAction(input: unknown): ParseRewriteResult {
  const parsed = rewriteActionSchema.safeParse(input);
  if (parsed.success) return { ok: true, action: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

/**
 * The instruction for one rewrite.
 *
 * @example rewriteInstruction({ action: 'shorter' }, { text, network: xManifest, voice })
 * // 'Make it shorter: about 120 weighted characters (now 171). Never exceed 280 weighted characters (…). …'
 */
export function rewriteInstruction(action: RewriteAction, context: RewriteContext): string {
  const { network, voice } = context;
  const limit = describeTextLimit(textLimitOf(network));
  const unit = describeUnit(textLimitOf(network));
  const count = countText(context.text, network.text.count);
  const cap = `Never exceed ${limit} on ${network.name}.`;
  switch (action.action) {
    case 'shorter': {
      const target = Math.min(network.text.limit, Math.round(count * 0.7));
      return `Make it shorter: about ${numberFormat.format(target)} ${unit} (now ${numberFormat.format(count)}). ${cap} Cut filler first; keep the meaning, links, hashtags and call to action.`;
    }
    case 'longer': {
      const target = Math.min(network.text.limit, Math.max(Math.round(count * 1.4), IDEAL_LENGTH[network.id].min));
      return `Make it longer: about ${numberFormat.format(target)} ${unit} (now ${numberFormat.format(count)}). ${cap} Add one concrete detail, example or number; no filler.`;
    }
    case 'more_casual':
      return `Make it more casual: plain words, contractions, shorter sentences, as if talking to one reader. Keep the facts and the call to action. ${cap}`;
    case 'more_formal':
      return `Make it more formal: complete sentences, precise words, no slang${voice.brand.voice.emoji === 'none' ? '' : ' and fewer emoji'}. Keep the facts and the call to action. ${cap}`;
    case 'add_emoji':
      return `Add one to three emoji where they carry meaning (not as decoration at random); change nothing else. ${cap}`;
    case 'translate':
      return `Translate it into ${languageName(action.language)} (${action.language}), as a native speaker would write it, in the same tone. Keep links, @mentions and brand names unchanged; translate hashtags only when a common equivalent exists. ${cap}`;
  }
}

/** The full prompt for a rewrite: the workspace's voice as system, the instruction and the draft as user. */
export function buildRewritePrompt(action: RewriteAction, context: RewriteContext): RewritePrompt {
  const voiceLines = describeVoice(context.voice).filter(
    (line) => action.action !== 'translate' || !line.startsWith('Write in '),
  );
  return {
    system: [
      'You rewrite social media posts. Follow the voice and rules below; the instruction wins where they differ.',
      ...voiceLines,
    ].join('\n'),
    user: [
      rewriteInstruction(action, context),
      '',
      'The post:',
      `"""\n${context.text}\n"""`,
      '',
      'Answer with the rewritten post text only, no quotes or comments.',
    ].join('\n'),
  };
}
