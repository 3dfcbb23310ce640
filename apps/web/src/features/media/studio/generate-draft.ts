import { MAX_IMAGES_PER_JOB } from '@plume/contract/media/generation-schemas';
import type { AspectRatio, ImageStyle, VideoStyle } from '@plume/contract/media/media-enums';

/** What the Generate page makes: the job kinds a person starts from it (slideshows have their own page). */
export type StudioKind = 'image' | 'video' | 'speech';

export const STUDIO_KINDS: readonly { value: StudioKind; label: string }[] = [
  { value: 'image', label: 'Image' },
  { value: 'video', label: 'Video' },
  { value: 'speech', label: 'Voice' },
];

/** Providers take 32-bit unsigned seeds. */
export const MAX_SEED = 4_294_967_295;

export const MAX_COUNT = MAX_IMAGES_PER_JOB;

/** Video lengths seed 003 offers that the providers make (6 s bumper, 15 s story, 30 s, 60 s). */
export const VIDEO_DURATIONS = [6, 15, 30, 60] as const;

/** The Generate form as typed: strings where a person types numbers, so a half-typed value is kept. */
export interface GenerateDraft {
  kind: StudioKind;
  prompt: string;
  imageStyle: ImageStyle;
  videoStyle: VideoStyle;
  aspectRatio: AspectRatio;
  count: string;
  durationSec: string;
  /** Video: animate this library image instead of starting from text alone. */
  imageMediaId: string;
  negativePrompt: string;
  seed: string;
  characterId: string;
  variationId: string;
  voice: string;
}

export function emptyGenerateDraft(): GenerateDraft {
  return {
    kind: 'image',
    prompt: '',
    imageStyle: 'photorealistic',
    videoStyle: 'social',
    aspectRatio: '1:1',
    count: '1',
    durationSec: '6',
    imageMediaId: '',
    negativePrompt: '',
    seed: '',
    characterId: '',
    variationId: '',
    voice: '',
  };
}

/** Field name → message, the same names the API's problems end with (`body/prompt` → `prompt`). */
export type DraftErrors = Partial<Record<'prompt' | 'count' | 'seed' | 'voice', string>>;

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** What is wrong with the draft before it is sent (the API checks again, and more). */
export function checkGenerateDraft(draft: GenerateDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.prompt.trim() === '')
    errors.prompt = draft.kind === 'speech' ? 'Write the text to speak.' : 'Describe what to make.';
  else if (draft.kind !== 'speech' && draft.prompt.trim().length < 3)
    errors.prompt = 'Describe what to make in a few words.';
  if (draft.kind === 'image') {
    const count = wholeNumber(draft.count);
    if (count === undefined || count < 1 || count > MAX_COUNT)
      errors.count = `Choose between 1 and ${MAX_COUNT} images.`;
  }
  const seed = wholeNumber(draft.seed);
  if (draft.kind !== 'speech' && draft.seed.trim() !== '' && (seed === undefined || seed > MAX_SEED))
    errors.seed = `A seed is a whole number from 0 to ${MAX_SEED} (or leave it empty for a random one).`;
  if (draft.kind === 'speech' && draft.voice === '' && draft.characterId === '')
    errors.voice = 'Choose a voice, or a character that has one.';
  return errors;
}

function optional<Key extends string>(key: Key, value: string): Partial<Record<Key, string>> {
  const trimmed = value.trim();
  return trimmed === '' ? {} : ({ [key]: trimmed } as Record<Key, string>);
}

function character(draft: GenerateDraft) {
  return {
    ...optional('characterId', draft.characterId),
    ...(draft.characterId === '' ? {} : optional('variationId', draft.variationId)),
  };
}

function seedOf(draft: GenerateDraft) {
  const seed = wholeNumber(draft.seed);
  return seed === undefined ? {} : { seed };
}

/** The request body for the draft's kind; call it once checkGenerateDraft found nothing. */
export function generateRequest(draft: GenerateDraft): Record<string, unknown> {
  const prompt = draft.prompt.trim();
  if (draft.kind === 'speech')
    return { kind: 'speech', text: prompt, ...optional('voice', draft.voice), ...character(draft) };
  const shared = {
    prompt,
    aspectRatio: draft.aspectRatio,
    ...optional('negativePrompt', draft.negativePrompt),
    ...seedOf(draft),
    ...character(draft),
  };
  if (draft.kind === 'video')
    return {
      kind: 'video',
      style: draft.videoStyle,
      durationSec: wholeNumber(draft.durationSec) ?? 6,
      ...optional('imageMediaId', draft.imageMediaId),
      ...shared,
    };
  return { kind: 'image', style: draft.imageStyle, count: wholeNumber(draft.count) ?? 1, ...shared };
}
