/**
 * Brand-voice match, the one quality criterion a model judges: it reads the voice description and
 * the post and answers `{ "score": 0..1, "reason": "…" }`. Answers are cached (same post, same voice,
 * same verdict). Any failure throws, and the scorer then reports voice as "not scored".
 */
import { z } from 'zod';
import type { GenerateResult } from '@plume/llm/gateway/gateway';
import { describeVoice } from './describe-voice.ts';
import { extractJsonObject } from './extract-json.ts';
import { askModel, type ModelCaller } from './model-caller.ts';
import type { VoiceMatch } from './quality-score.ts';

const verdictSchema = z.object({ score: z.number().min(0).max(1), reason: z.string().trim().min(1).max(500) });

/** The prompt, separate so tests (and fakes) can recognize it. */
export const VOICE_MATCH_SYSTEM =
  'You judge whether a social media post matches a brand voice. Answer with one JSON object and nothing else: {"score": <0 to 1>, "reason": "<one sentence>"}.';

/**
 * @example const voiceMatch = createVoiceMatch(caller); await scorePost(input, { voiceMatch })
 */
export function createVoiceMatch(caller: ModelCaller, onAnswer?: (answer: GenerateResult) => void): VoiceMatch {
  return async (text, profile) => {
    const user = [
      'The voice:',
      ...describeVoice(profile),
      '',
      'The post:',
      `"""\n${text}\n"""`,
      '',
      'How well does the post match the voice (1 = exactly, 0 = not at all)?',
    ].join('\n');
    const answer = await askModel(caller, 'voice_match', {
      system: VOICE_MATCH_SYSTEM,
      messages: [{ role: 'user', content: user }],
      responseFormat: 'json',
      maxOutputTokens: 200,
      temperature: 0,
    });
    onAnswer?.(answer);
    const extracted = extractJsonObject(answer.text);
    if (!extracted.ok) throw new Error(`voice match: ${extracted.message}`);
    const verdict = verdictSchema.parse(extracted.value);
    return { score: verdict.score, reason: `Voice check (${answer.model}): ${verdict.reason}` };
  };
}
