/**
 * `POST /audio/speech` as OpenAI documents it (platform.openai.com/docs/api-reference/audio/createSpeech),
 * also spoken by speaches, Kokoro-FastAPI and LocalAI: `model`, `input` (at most 4096 characters),
 * `voice`, `response_format` (mp3, wav, opus…), `speed` 0.25–4, and `instructions` for models that take
 * them (gpt-4o-mini-tts; tts-1 and tts-1-hd do not). The answer is the audio itself.
 */
import type { SpeechAnswer, SpeechCall, SpeechFormat } from './media-provider-contract.ts';
import { failure, sendMediaRequest, type MediaHttpContext } from './media-http.ts';
import type { ImagesTarget } from './openai-images.ts';

export const SPEECH_MIME: Record<SpeechFormat, string> = { mp3: 'audio/mpeg', wav: 'audio/wav', opus: 'audio/ogg' };

/** The longest input OpenAI accepts; longer texts are refused before any request. */
export const MAX_SPEECH_CHARS = 4096;

const CLOUD_TIMEOUT_MS = 120_000;
const LOCAL_TIMEOUT_MS = 600_000;

export async function synthesizeOpenAiSpeech(target: ImagesTarget, call: SpeechCall): Promise<SpeechAnswer> {
  const startedAt = performance.now();
  const context: MediaHttpContext = {
    providerId: target.providerId,
    vendor: target.vendor,
    model: call.model,
    timeoutMs: call.timeoutMs ?? (target.flavor === 'openai' ? CLOUD_TIMEOUT_MS : LOCAL_TIMEOUT_MS),
    signal: call.signal,
  };
  if (call.text.length > MAX_SPEECH_CHARS)
    throw failure(
      context,
      'bad_request',
      `The text is ${call.text.length} characters; ${target.vendor} speaks at most ${MAX_SPEECH_CHARS} at a time.`,
    );
  const takesInstructions = target.flavor === 'compatible' || !call.model.startsWith('tts-1');
  const body = {
    model: call.model,
    input: call.text,
    voice: call.voice,
    response_format: call.format,
    ...(call.speed === undefined ? {} : { speed: Math.min(4, Math.max(0.25, call.speed)) }),
    ...(call.instructions && takesInstructions ? { instructions: call.instructions } : {}),
  };
  const answer = await sendMediaRequest(
    target.http,
    `${target.baseUrl}/audio/speech`,
    { method: 'POST', headers: { ...target.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) },
    context,
  );
  if (answer.bytes.length === 0 || answer.contentType.includes('json'))
    throw failure(context, 'malformed_response', `${target.vendor} answered without any audio.`);
  return {
    audio: { bytes: answer.bytes, mimeType: SPEECH_MIME[call.format] },
    model: call.model,
    latencyMs: Math.round(performance.now() - startedAt),
  };
}
