/** Slideshow videos: pictures from the vault with captions, transitions and an optional voice-over. */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import type { Wire } from '../wire.ts';
import { ASPECT_RATIOS, GENERATION_STATES, SLIDE_TRANSITIONS } from './media-enums.ts';

/** The open fonts captions can be drawn in (bundled with Plume). */
export const CAPTION_FONTS = ['Inter', 'Playfair Display', 'Roboto Slab'] as const;
export type CaptionFont = (typeof CAPTION_FONTS)[number];

/** Longest slideshow Plume renders (slides, or the voice-over it follows). */
export const MAX_SLIDESHOW_SEC = 180;

export const slideInput = z.strictObject({
  /** A vault image: an upload, a template render (a design's slides) or an approved AI image. */
  mediaId: z.uuid(),
  caption: z.string().trim().max(300).optional(),
  durationSec: z.number().min(1).max(60).default(3),
});

export const createSlideshowBody = z
  .strictObject({
    slides: z.array(slideInput).min(1).max(30),
    transition: z.enum(SLIDE_TRANSITIONS).default('fade'),
    aspectRatio: z.enum(ASPECT_RATIOS).default('9:16'),
    /** A vault sound file; the video's length follows it (each slide keeps its share of the time). */
    voiceOverMediaId: z.uuid().optional(),
    /** A vault sound file played under the voice, looped or cut to the video's length. */
    music: z.strictObject({ mediaId: z.uuid(), volume: z.number().min(0).max(1).default(0.25) }).optional(),
    captionFont: z.enum(CAPTION_FONTS).default('Inter'),
  })
  .refine((body) => body.slides.reduce((sum, slide) => sum + slide.durationSec, 0) <= MAX_SLIDESHOW_SEC, {
    path: ['slides'],
    message: `A slideshow is at most ${MAX_SLIDESHOW_SEC} seconds in all.`,
  });

export type CreateSlideshowInput = z.infer<typeof createSlideshowBody>;

export const slideshowParams = z.object({ workspaceId: workspaceIdParam, slideshowId: z.uuid() });

export const slideshowSchema = z.object({
  id: z.string(),
  state: z.enum(GENERATION_STATES),
  /** 0–1 while it renders. */
  progress: z.number(),
  /** The video in the vault once it succeeded. */
  resultMediaIds: z.array(z.string()),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export type Slideshow = Wire<typeof slideshowSchema>;
