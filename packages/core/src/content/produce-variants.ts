/**
 * The generation pipeline without storage (generate and the brand-profile preview share it): prompt
 * → model (re-asked once on a bad answer) → per network, repair to the limit → the persona's
 * disclosure line → quality score with the model's voice check. Nothing here writes to the database.
 */
import type { GenerateResult } from '@plume/llm/gateway/gateway';
import { fitsLimit } from '@plume/networks/text/fit-text';
import type { NetworkId } from '@plume/networks/contract';
import type { FallbackStep } from '@plume/db/schema/llm';
import { AppError } from '@plume/errors/app-error';
import { askForVariants } from './ask-for-variants.ts';
import type { VoiceProfile } from '@plume/contract/content/brand-profile';
import { composePost } from '@plume/contract/posts/compose-post';
import { appendDisclosure, reserveDisclosure } from './disclosure.ts';
import { fitPost, type Repair } from './fit-post.ts';
import { fitTitleThread } from './fit-title-thread.ts';
import type { ModelCaller } from './model-caller.ts';
import { buildGenerationPrompt, type PromptError } from './generation-prompt.ts';
import { scorePost, type QualityScore } from './quality-score.ts';
import type { TemplateValues } from './render-template.ts';
import { textLimitOf, type TargetNetwork } from './target-network.ts';
import type { ContentTemplate } from './templates.ts';
import { createVoiceMatch } from './voice-match.ts';

export type ProduceInput = {
  voice: VoiceProfile;
  template: ContentTemplate;
  templateValues?: TemplateValues;
  brief: string;
  targets: readonly TargetNetwork[];
  variants: number;
  mediaCount: number;
  /** The workspace's recent post texts, newest first, for the duplicate check. */
  recentPosts: readonly string[];
};

export type ProducedPost = {
  network: NetworkId;
  /** As published: the body, then the persona's disclosure line when there is one. */
  text: string;
  hashtags: string[];
  cta?: string;
  altText?: string;
  /** Within the network's title limit; only on networks with titles. */
  title?: string;
  /** Further thread parts, each within the limit; empty on networks without threads. */
  thread: string[];
  /** What was left out or shortened in the title and thread (the caller reports them). */
  warnings: string[];
  /** Counted the network's way, hashtags included. */
  count: number;
  limit: number;
  fits: boolean;
  repaired?: Repair;
  quality: QualityScore;
  usageId: string;
};

export type UsageSummary = { provider: string; model: string; costUsd: number; calls: number; chain: FallbackStep[] };

export type Produced = {
  variants: { variant: number; posts: ProducedPost[] }[];
  usage: UsageSummary;
  generationUsageId: string;
};

/** Sums the cost of every call an operation made; the provider and model are the main call's. */
export function summarizeUsage(main: GenerateResult, all: readonly GenerateResult[]): UsageSummary {
  const micros = all.reduce((sum, answer) => sum + answer.costMicros, 0);
  return {
    provider: main.provider,
    model: main.model,
    costUsd: micros / 1_000_000,
    calls: all.length,
    chain: main.chain,
  };
}

function promptFailure(errors: readonly PromptError[]): AppError {
  const fieldErrors = errors.map((error) => ({
    path:
      error.code === 'missing_value'
        ? `brief.templateValues.${error.placeholder}`
        : error.code === 'invalid_request'
          ? 'brief'
          : 'brief.contentType',
    message: error.message,
  }));
  return new AppError('validation_failed', {
    detail: fieldErrors.map((error) => `${error.path}: ${error.message}`).join('; '),
    errors: fieldErrors,
  });
}

/**
 * @example await produceVariants(caller, { voice, template, brief: 'cold brew', targets: [x, linkedin], variants: 2, mediaCount: 0, recentPosts: [] })
 */
export async function produceVariants(caller: ModelCaller, input: ProduceInput): Promise<Produced> {
  const disclosure = input.voice.persona?.disclosure;
  const targets = input.targets.map((target) => ({ real: target, room: reserveDisclosure(target, disclosure) }));
  const built = buildGenerationPrompt({
    voice: input.voice,
    template: input.template,
    ...(input.templateValues === undefined ? {} : { templateValues: input.templateValues }),
    brief: input.brief,
    targets: targets.map((target) => target.room),
    mediaCount: input.mediaCount,
    variants: input.variants,
  });
  if (!built.ok) throw promptFailure(built.errors);

  const asked = await askForVariants(caller, built.prompt, {
    networks: targets.map((target) => target.real.id),
    variants: input.variants,
  });
  const main = asked.answers.at(-1)!;
  const calls: GenerateResult[] = [...asked.answers];
  const voiceMatch = createVoiceMatch(caller, (answer) => calls.push(answer));
  const language = input.voice.brand.language;

  const variants = [];
  for (const [index, variant] of asked.output.variants.entries()) {
    const posts = await Promise.all(
      targets.map(async ({ real, room }): Promise<ProducedPost> => {
        const post = variant.perNetwork[real.id]!;
        const fitted = await fitPost(post, { target: room, voice: input.voice, caller, language });
        if (fitted.reask) calls.push(fitted.reask);
        const text = appendDisclosure(fitted.text, disclosure);
        const check = fitsLimit(composePost(text, fitted.hashtags), textLimitOf(real));
        const quality = await scorePost(
          {
            text: fitted.text,
            hashtags: fitted.hashtags,
            network: room,
            voice: input.voice,
            brief: input.brief,
            recentPosts: input.recentPosts,
          },
          { voiceMatch },
        );
        const extras = fitTitleThread(post, real, language);
        return {
          network: real.id,
          text,
          hashtags: fitted.hashtags,
          ...(post.cta === undefined ? {} : { cta: post.cta }),
          ...(post.altText === undefined ? {} : { altText: post.altText }),
          ...(extras.title === undefined ? {} : { title: extras.title }),
          thread: extras.thread,
          warnings: extras.warnings,
          count: check.count,
          limit: check.limit,
          fits: check.fits,
          ...(fitted.repaired === undefined ? {} : { repaired: fitted.repaired }),
          quality,
          usageId: fitted.reask?.usageId ?? main.usageId,
        };
      }),
    );
    variants.push({ variant: index + 1, posts });
  }
  return { variants, usage: summarizeUsage(main, calls), generationUsageId: main.usageId };
}
