/**
 * A video job (text-to-video, or image-to-video from a vault image) and a speech job (a voice-over or
 * an audio message in the character's voice or a chosen one). A video's progress follows the
 * provider's polls; a cancel while it renders aborts the call.
 */
import type { SpeechGenerationInput, VideoGenerationInput } from '@plume/contract/media/generation-schemas';
import type { RoutingPolicy } from '@plume/llm/gateway/routing';
import { ASPECT_SIZES } from '@plume/contract/media/media-enums';
import { buildMediaPrompt, VIDEO_STYLE_WORDS } from './build-prompt.ts';
import { checkAudioOrVideo, CONTAINER_TYPES, sniffContainer } from './quality-checks.ts';
import { isStillRunning, recordCall, recordDropped, setProgress } from './generation-store.ts';
import { saveGeneratedFile } from './save-result.ts';
import type { JobOutcome, JobRun } from './job-run.ts';

/** The voice a speech job uses when neither the request nor the character names one. */
export const DEFAULT_VOICE = 'alloy';
const CANCEL_POLL_MS = 2_000;
const PROGRESS_STEP = 0.05;

/** Watches the row while a long call runs; aborts it when the job is cancelled. */
function watchCancel(run: JobRun): { signal: AbortSignal; stop: () => void } {
  const controller = new AbortController();
  const timer = setInterval(() => {
    void isStillRunning(run.deps.db, run.row.id).then((running) => {
      if (!running) controller.abort(new Error('Cancelled on request.'));
    });
  }, CANCEL_POLL_MS);
  return { signal: controller.signal, stop: () => clearInterval(timer) };
}

async function keep(
  run: JobRun,
  file: { bytes: Uint8Array; kind: 'audio' | 'video' },
  facts: Parameters<typeof saveGeneratedFile>[2]['facts'],
  provenance: Parameters<typeof saveGeneratedFile>[2]['provenance'],
): Promise<JobOutcome> {
  const verdict = checkAudioOrVideo(file.bytes, file.kind);
  if (!verdict.ok) {
    await recordDropped(run.deps.db, run.row.id, { index: 0, reason: verdict.reason });
    return { state: 'failed', error: `The result failed the quality checks: ${verdict.reason}` };
  }
  const container = sniffContainer(file.bytes);
  const mimeType = container === null ? 'application/octet-stream' : CONTAINER_TYPES[container];
  await saveGeneratedFile(run.deps, run.row, { bytes: file.bytes, mimeType, index: 0, facts, provenance });
  return { state: 'succeeded', error: null };
}

export async function runVideo(run: JobRun, request: VideoGenerationInput): Promise<JobOutcome> {
  if (run.row.resultMediaIds.length > 0) return { state: 'succeeded', error: null };
  const prompt = buildMediaPrompt({
    brief: request.prompt,
    styleWords: request.style === undefined ? undefined : VIDEO_STYLE_WORDS[request.style],
    look: run.context.look,
  });
  const seed = request.seed ?? run.context.characterSeed;
  const watch = watchCancel(run);
  let reported = 0;
  try {
    const answer = await run.deps.gateway.generateVideo({
      workspaceId: run.row.workspaceId,
      userId: run.row.createdBy,
      call: {
        prompt,
        ...(request.negativePrompt === undefined ? {} : { negativePrompt: request.negativePrompt }),
        ...(request.style === undefined ? {} : { style: request.style }),
        aspectRatio: request.aspectRatio,
        durationSec: request.durationSec,
        ...(run.context.firstFrame === undefined ? {} : { image: run.context.firstFrame }),
        ...(seed === undefined ? {} : { seed }),
        signal: watch.signal,
        onProgress: (fraction) => {
          if (fraction - reported < PROGRESS_STEP) return;
          reported = fraction;
          // The result is 95 %; storing it is the rest.
          void setProgress(run.deps.db, run.row.id, fraction * 0.95);
        },
      },
    });
    await recordCall(run.deps.db, run.row.id, answer);
    const size = ASPECT_SIZES[request.aspectRatio];
    return await keep(run, { bytes: answer.video.bytes, kind: 'video' }, answer, {
      prompt,
      ...(request.negativePrompt === undefined ? {} : { negativePrompt: request.negativePrompt }),
      ...(request.style === undefined ? {} : { style: request.style }),
      aspectRatio: request.aspectRatio,
      ...(seed === undefined ? {} : { seed }),
      settings: {
        durationSec: request.durationSec,
        width: size.width,
        height: size.height,
        ...(request.imageMediaId === undefined ? {} : { imageMediaId: request.imageMediaId }),
      },
    });
  } catch (error) {
    if (watch.signal.aborted) return { state: 'cancelled' };
    throw error;
  } finally {
    watch.stop();
  }
}

export async function runSpeech(run: JobRun, request: SpeechGenerationInput): Promise<JobOutcome> {
  if (run.row.resultMediaIds.length > 0) return { state: 'succeeded', error: null };
  const voice = run.context.voice;
  const chosenVoice = request.voice ?? voice?.voice ?? DEFAULT_VOICE;
  const speed = request.speed ?? voice?.speed;
  // A character's voice names its provider and model: the call goes there first.
  const policy: RoutingPolicy | undefined =
    request.voice === undefined && voice?.provider !== undefined && voice.model !== undefined
      ? { mode: 'local_first', candidates: [{ provider: voice.provider, model: voice.model }] }
      : undefined;
  const answer = await run.deps.gateway.synthesizeSpeech({
    workspaceId: run.row.workspaceId,
    userId: run.row.createdBy,
    call: {
      text: request.text,
      voice: chosenVoice,
      format: request.format,
      ...(speed === undefined ? {} : { speed }),
      ...(request.instructions === undefined ? {} : { instructions: request.instructions }),
    },
    ...(policy === undefined ? {} : { policy }),
  });
  await recordCall(run.deps.db, run.row.id, answer);
  return keep(run, { bytes: answer.audio.bytes, kind: 'audio' }, answer, {
    prompt: request.text,
    settings: {
      voice: chosenVoice,
      format: request.format,
      ...(speed === undefined ? {} : { speed }),
      ...(request.instructions === undefined ? {} : { instructions: request.instructions }),
    },
  });
}
