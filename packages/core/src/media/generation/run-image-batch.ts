/**
 * An image job: one gateway call per image, so progress moves as each arrives and a cancel stops
 * before the next one. A character's seed (or the asked seed) is used as is for the first image and
 * counted up for the next, so a batch differs while each image stays reproducible. A job the queue
 * runs again after a crash makes only the images it still lacks.
 */
import { ASPECT_SIZES } from '@plume/contract/media/media-enums';
import type { ImageGenerationInput } from '@plume/contract/media/generation-schemas';
import { buildMediaPrompt, IMAGE_STYLE_WORDS } from './build-prompt.ts';
import { checkImage } from './quality-checks.ts';
import { isStillRunning, recordCall, recordDropped, setProgress } from './generation-store.ts';
import { saveGeneratedFile } from './save-result.ts';
import type { JobRun, JobOutcome } from './job-run.ts';

export async function runImageBatch(run: JobRun, request: ImageGenerationInput): Promise<JobOutcome> {
  const { deps, row, context } = run;
  const style = request.style ?? (context.look?.style as ImageGenerationInput['style']) ?? undefined;
  const prompt = buildMediaPrompt({
    brief: request.prompt,
    styleWords: style === undefined ? undefined : IMAGE_STYLE_WORDS[style],
    look: context.look,
  });
  const size = ASPECT_SIZES[request.aspectRatio];
  const baseSeed = request.seed ?? context.characterSeed;
  let made = row.resultMediaIds.length;
  let index = made + row.dropped.length;
  const reasons: string[] = [];
  for (; index < request.count; index += 1) {
    if (!(await isStillRunning(deps.db, row.id))) return { state: 'cancelled' };
    const seed = baseSeed === undefined ? undefined : (baseSeed + index) % 4_294_967_296;
    let answer;
    try {
      answer = await deps.gateway.generateImages({
        workspaceId: row.workspaceId,
        userId: row.createdBy,
        call: {
          prompt,
          ...(request.negativePrompt === undefined ? {} : { negativePrompt: request.negativePrompt }),
          ...(style === undefined ? {} : { style }),
          aspectRatio: request.aspectRatio,
          width: size.width,
          height: size.height,
          count: 1,
          ...(seed === undefined ? {} : { seed }),
          ...(context.referenceImages.length === 0
            ? {}
            : { referenceImages: context.referenceImages, referenceStrength: context.referenceStrength ?? 0.6 }),
        },
      });
    } catch (error) {
      // What was made stays; the rest of the batch fails with the reason.
      if (made > 0) return { state: 'succeeded', error: run.describe(error, 'image'), partial: true };
      throw error;
    }
    await recordCall(deps.db, row.id, answer);
    for (const image of answer.images) {
      const verdict = await checkImage(image.bytes, request.aspectRatio);
      if (!verdict.ok) {
        reasons.push(verdict.reason);
        await recordDropped(deps.db, row.id, { index, reason: verdict.reason });
        continue;
      }
      await saveGeneratedFile(deps, row, {
        bytes: image.bytes,
        mimeType: image.mimeType,
        index,
        facts: answer,
        provenance: {
          prompt: image.revisedPrompt ?? prompt,
          ...(request.negativePrompt === undefined ? {} : { negativePrompt: request.negativePrompt }),
          ...(style === undefined ? {} : { style }),
          aspectRatio: request.aspectRatio,
          ...seedOf(image.seed ?? seed),
          settings: { width: size.width, height: size.height, referenceImages: context.referenceImages.length },
        },
      });
      made += 1;
    }
    await setProgress(deps.db, row.id, (index + 1) / request.count);
  }
  if (made === 0)
    return { state: 'failed', error: `No image passed the quality checks: ${[...new Set(reasons)].join(' ')}` };
  return { state: 'succeeded', error: null };
}

const seedOf = (seed: number | undefined) => (seed === undefined ? {} : { seed });
