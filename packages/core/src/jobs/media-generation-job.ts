import { z } from 'zod';
import { GENERATE_MEDIA_JOB } from '../media/generation/create-generation.ts';
import { runGeneration, type GenerationDeps } from '../media/generation/run-generation.ts';
import { defineJob } from './define-job.ts';

/**
 * Runs one AI generation job (images, a video, speech) through the media gateway (docs/media.md,
 * "Generation, characters, safety"). Run again after a crash, an image job makes only what it lacks.
 */
export const generateMediaJob = defineJob({
  id: GENERATE_MEDIA_JOB,
  payload: z.object({ generationId: z.uuid() }),
  run: (deps: GenerationDeps, payload) => runGeneration(deps, payload.generationId),
});
