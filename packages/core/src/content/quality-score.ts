/**
 * Quality score 0–100 with reasons, for one post on one network. Every criterion is deterministic
 * except brand-voice match, which needs a model: the caller passes `voiceMatch`, and without it the
 * voice is reported as not scored and the other weights are scaled up to fill its share.
 * Two findings cap the total whatever else is good: a topic the brand avoids (at most 30) and a
 * near-duplicate of a recent post (at most 50); so does text over the network's limit (at most 40).
 */
import type { VoiceProfile } from '@plume/contract/content/brand-profile';
import { findAvoidedTopics } from './avoided-topics.ts';
import { composePost } from '@plume/contract/posts/compose-post';
import type { CriterionId } from '@plume/contract/content/content-enums';
import type { Criterion, Verdict } from './criterion.ts';
import { scoreCta } from './cta-criterion.ts';
import { findMostSimilar, NEAR_DUPLICATE_THRESHOLD } from './duplicate-check.ts';
import { scoreHashtags } from './hashtag-criterion.ts';
import { scoreHook } from './hook-criterion.ts';
import { scoreLength } from './length-criterion.ts';
import { scoreReadability } from './readability.ts';
import type { TargetNetwork } from './target-network.ts';

export const CRITERION_WEIGHTS: Readonly<Record<CriterionId, number>> = {
  length: 0.2,
  readability: 0.15,
  hook: 0.15,
  cta: 0.1,
  hashtags: 0.1,
  avoided_topics: 0.1,
  duplicate: 0.1,
  voice: 0.1,
};

export const SCORE_CAPS = { avoidedTopic: 30, overLimit: 40, nearDuplicate: 50 } as const;

export interface ScoreInput {
  text: string;
  /** Hashtags appended to the text when published (see composePost). */
  hashtags?: readonly string[];
  network: TargetNetwork;
  voice: VoiceProfile;
  /** The brief or topic the post was written for; hashtag relevance is measured against it. */
  brief?: string;
  /** The workspace's recent posts, newest first. */
  recentPosts?: readonly string[];
}

export type VoiceMatch = (text: string, profile: VoiceProfile) => Promise<Verdict>;

export type QualityScore = { score: number; criteria: Criterion[] };

function checkAvoidedTopics(text: string, input: ScoreInput): Verdict {
  const topics = input.voice.brand.topicsToAvoid;
  if (topics.length === 0) return { score: 1, reason: 'The brand has no topics to avoid.' };
  const found = findAvoidedTopics(text, topics);
  if (found.length === 0) return { score: 1, reason: 'It stays clear of the topics the brand avoids.' };
  return { score: 0, reason: `It mentions ${found.map((topic) => `"${topic}"`).join(', ')}, which the brand avoids.` };
}

function checkDuplicate(text: string, input: ScoreInput): Verdict {
  const recent = input.recentPosts ?? [];
  const match = findMostSimilar(text, recent, input.voice.brand.language);
  if (!match) return { score: 1, reason: 'There are no recent posts to compare with.' };
  const percent = Math.round(match.similarity * 100);
  if (match.similarity >= NEAR_DUPLICATE_THRESHOLD) {
    return {
      score: 0,
      reason: `It is nearly the same as a recent post (${percent}% similar); networks and followers penalize repeats.`,
    };
  }
  if (match.similarity >= 0.5)
    return { score: 1 - (match.similarity - 0.5), reason: `It overlaps a recent post (${percent}% similar).` };
  return {
    score: 1,
    reason: `It differs from the ${recent.length} recent post${recent.length === 1 ? '' : 's'} checked.`,
  };
}

async function checkVoice(text: string, voice: VoiceProfile, voiceMatch?: VoiceMatch): Promise<Verdict | undefined> {
  if (!voiceMatch) return undefined;
  try {
    const verdict = await voiceMatch(text, voice);
    return { score: Math.min(1, Math.max(0, verdict.score)), reason: verdict.reason };
  } catch {
    return undefined;
  }
}

/**
 * @example await scorePost({ text, network: xManifest, voice: { brand } }) // { score: 78, criteria: [...] }
 */
export async function scorePost(input: ScoreInput, options: { voiceMatch?: VoiceMatch } = {}): Promise<QualityScore> {
  const composed = composePost(input.text, input.hashtags ?? []);
  const { brand } = input.voice;
  const length = scoreLength(composed, input.network);
  const verdicts: Record<CriterionId, Verdict | undefined> = {
    length,
    readability: scoreReadability(input.text, brand.language),
    hook: scoreHook(input.text, input.network),
    cta: scoreCta(input.text, brand),
    hashtags: scoreHashtags(composed, input.network, brand, input.brief ?? ''),
    avoided_topics: checkAvoidedTopics(composed, input),
    duplicate: checkDuplicate(input.text, input),
    voice: await checkVoice(composed, input.voice, options.voiceMatch),
  };

  const ids = Object.keys(CRITERION_WEIGHTS) as CriterionId[];
  const totalWeight = ids.reduce((sum, id) => sum + (verdicts[id] ? CRITERION_WEIGHTS[id] : 0), 0);
  const criteria: Criterion[] = ids.map((id) => {
    const verdict = verdicts[id];
    if (!verdict)
      return {
        id,
        score: null,
        weight: 0,
        reason: 'Brand voice was not scored (no model check ran); the other criteria share its weight.',
      };
    return {
      id,
      score: round(verdict.score, 2),
      weight: round(CRITERION_WEIGHTS[id] / totalWeight, 3),
      reason: verdict.reason,
    };
  });

  const weighted = ids.reduce((sum, id) => sum + (verdicts[id]?.score ?? 0) * CRITERION_WEIGHTS[id], 0);
  let score = Math.round((100 * weighted) / totalWeight);
  if (verdicts.avoided_topics?.score === 0 && brand.topicsToAvoid.length > 0)
    score = Math.min(score, SCORE_CAPS.avoidedTopic);
  if (length.isOverLimit) score = Math.min(score, SCORE_CAPS.overLimit);
  if (verdicts.duplicate?.score === 0) score = Math.min(score, SCORE_CAPS.nearDuplicate);
  return { score, criteria };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
