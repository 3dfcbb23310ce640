/**
 * The media studio's words, shared by the API, the worker and the web app: where a vault item came
 * from, whether it may be used, the looks and shapes generation offers, the templates, and the jobs.
 */

/** Where a media item came from: a person's upload, a rendered template, or an AI provider. */
export const MEDIA_SOURCES = ['upload', 'template', 'ai'] as const;
export type MediaSource = (typeof MEDIA_SOURCES)[number];

/**
 * Whether an item may be used in a post. Uploads and renders are `approved`; AI results start
 * `pending` until a person approves (or rejects) them.
 */
export const MEDIA_APPROVALS = ['approved', 'pending', 'rejected'] as const;
export type MediaApproval = (typeof MEDIA_APPROVALS)[number];

/** Image looks (seed 003's eight styles). */
export const IMAGE_STYLES = [
  'photorealistic',
  'illustration',
  'cartoon',
  'abstract',
  'vintage',
  'minimalist',
  'cyberpunk',
  'watercolor',
] as const;
export type ImageStyle = (typeof IMAGE_STYLES)[number];

/** Video looks (seed 003's eight styles). */
export const VIDEO_STYLES = [
  'commercial',
  'social',
  'explainer',
  'testimonial',
  'product_demo',
  'brand_story',
  'event_promo',
  'tutorial',
] as const;
export type VideoStyle = (typeof VIDEO_STYLES)[number];

/** Shapes, with the pixel size Plume renders and asks for at each (the networks' recommended sizes). */
export const ASPECT_RATIOS = ['1:1', '4:5', '9:16', '16:9', '2:3', '4:3'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const ASPECT_SIZES: Record<AspectRatio, { width: number; height: number; label: string }> = {
  '1:1': { width: 1080, height: 1080, label: 'Square (feed posts)' },
  '4:5': { width: 1080, height: 1350, label: 'Portrait (Instagram, Facebook feed)' },
  '9:16': { width: 1080, height: 1920, label: 'Vertical (Stories, Reels, Shorts, TikTok)' },
  '16:9': { width: 1920, height: 1080, label: 'Landscape (YouTube, X, LinkedIn)' },
  '2:3': { width: 1000, height: 1500, label: 'Pin (Pinterest)' },
  '4:3': { width: 1440, height: 1080, label: 'Standard' },
};

/** The built-in branded templates. */
export const TEMPLATE_IDS = ['quote', 'tip', 'carousel', 'announcement', 'product', 'testimonial', 'event'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** Layout presets a brand kit offers its templates. */
export const LAYOUT_PRESETS = ['centered', 'left', 'split', 'framed'] as const;
export type LayoutPreset = (typeof LAYOUT_PRESETS)[number];

/** What a media call is for: routing policies, budgets and the ledger keep these apart from text tasks. */
export const MEDIA_TASKS = ['image', 'video', 'speech'] as const;
export type MediaTask = (typeof MEDIA_TASKS)[number];

/**
 * Which API a media provider speaks. `openai_compatible` covers any server with OpenAI's
 * `/images/generations` or `/audio/speech` (LocalAI, speaches, Kokoro-FastAPI); `automatic1111` and
 * `comfyui` are local Stable Diffusion servers; `espeak` is the local espeak-ng program.
 */
export const MEDIA_PROVIDER_KINDS = [
  'openai',
  'google',
  'stability',
  'automatic1111',
  'comfyui',
  'openai_compatible',
  'espeak',
] as const;
export type MediaProviderKind = (typeof MEDIA_PROVIDER_KINDS)[number];

/** Local media providers cost nothing per item; their time is still recorded. */
export const LOCAL_MEDIA_PROVIDER_KINDS: readonly MediaProviderKind[] = [
  'automatic1111',
  'comfyui',
  'openai_compatible',
  'espeak',
];

/** A generation job: AI images, AI video, speech, or a slideshow video assembled with ffmpeg. */
export const GENERATION_KINDS = ['image', 'video', 'speech', 'slideshow'] as const;
export type GenerationKind = (typeof GENERATION_KINDS)[number];

export const GENERATION_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type GenerationState = (typeof GENERATION_STATES)[number];

/** Slide changes in a slideshow video. */
export const SLIDE_TRANSITIONS = ['none', 'fade', 'slide', 'zoom'] as const;
export type SlideTransition = (typeof SLIDE_TRANSITIONS)[number];
