import { z } from 'zod';
import { RENDER_SLIDESHOW_JOB } from '../media/video/start-slideshow.ts';
import { runSlideshow, type SlideshowDeps } from '../media/video/run-slideshow.ts';
import { defineJob } from './define-job.ts';

/** Renders a slideshow video into the vault (docs/media.md "Video"); safe to run again. */
export const renderSlideshowJob = defineJob({
  id: RENDER_SLIDESHOW_JOB,
  payload: z.object({ generationId: z.uuid() }),
  run: (deps: SlideshowDeps, payload) => runSlideshow(deps, payload.generationId),
});
