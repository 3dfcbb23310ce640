/**
 * The versioned price table of image, video and speech models, beside the text one (`price-table.ts`):
 * per image (by the shape asked for, since vendors price larger sizes higher), per second of video and
 * per million characters of speech. Ledger rows name the version, so a price change never rewrites
 * history. Local providers (Stable Diffusion servers, OpenAI-compatible servers, espeak-ng) cost 0.
 * Model names match exactly or by prefix at a `-`/`:`/`@` boundary (`imagen-4.0-generate-preview-06-06`
 * → `imagen-4.0-generate`), the longest key winning.
 */
import { LOCAL_MEDIA_PROVIDER_KINDS, type MediaProviderKind } from '@plume/contract/media/media-enums';

/** Which of a vendor's sizes an image is: their prices differ by it (OpenAI: 1024×1024 vs 1536×1024). */
export type ImageShape = 'square' | 'portrait' | 'landscape';

/** US dollars: per image (one price, or one per shape), per video second, per million characters spoken. */
export type MediaPrice = {
  perImage?: number | Record<ImageShape, number>;
  perVideoSecond?: number;
  perMChars?: number;
};

const openAiShapes = (square: number, other: number) => ({ square, portrait: other, landscape: other });

export const MEDIA_PRICE_TABLE = {
  version: '2025-10',
  sources: [
    // gpt-image-1 at `quality: "medium"` (what the adapter asks for), DALL·E at standard quality, TTS per 1M characters.
    'https://platform.openai.com/docs/pricing',
    // Imagen per image, Gemini 2.5 Flash Image per image (1290 output tokens at $30/1M), Veo per second.
    'https://ai.google.dev/gemini-api/docs/pricing',
    // Stability credits at $0.01 each: Ultra 8, Core 3, SD 3.5 Large 6.5, Large Turbo 4, Medium 3.5.
    'https://platform.stability.ai/pricing',
  ],
  prices: {
    openai: {
      'gpt-image-1': { perImage: openAiShapes(0.042, 0.063) },
      'gpt-image-1-mini': { perImage: openAiShapes(0.011, 0.015) },
      'dall-e-3': { perImage: openAiShapes(0.04, 0.08) },
      'dall-e-2': { perImage: 0.02 },
      'tts-1': { perMChars: 15 },
      'tts-1-hd': { perMChars: 30 },
      // Priced by tokens; OpenAI's own estimate is $0.015 a minute, about 1,000 characters of speech.
      'gpt-4o-mini-tts': { perMChars: 15 },
    },
    google: {
      'imagen-4.0-generate': { perImage: 0.04 },
      'imagen-4.0-fast-generate': { perImage: 0.02 },
      'imagen-4.0-ultra-generate': { perImage: 0.06 },
      'imagen-3.0-generate': { perImage: 0.03 },
      'gemini-2.5-flash-image': { perImage: 0.039 },
      'veo-3.0-generate': { perVideoSecond: 0.4 },
      'veo-3.0-fast-generate': { perVideoSecond: 0.15 },
      'veo-2.0-generate': { perVideoSecond: 0.35 },
    },
    stability: {
      'stable-image-ultra': { perImage: 0.08 },
      'stable-image-core': { perImage: 0.03 },
      'sd3.5-large': { perImage: 0.065 },
      'sd3.5-large-turbo': { perImage: 0.04 },
      'sd3.5-medium': { perImage: 0.035 },
    },
  } satisfies Partial<Record<MediaProviderKind, Record<string, MediaPrice>>>,
} as const;

/**
 * What a cloud media model with no entry is assumed to cost, for budgets: the dearest common tier of
 * each, so an unknown model never slips under a cap. Its ledger rows say `unpriced`.
 */
export const UNKNOWN_MEDIA_PRICE: { perImage: number; perVideoSecond: number; perMChars: number } = {
  perImage: 0.25,
  perVideoSecond: 0.75,
  perMChars: 30,
};

export type MediaPriceLookup = { price: MediaPrice; version: string };

/** The price of a media model; `version` is the table's, `unpriced` or `local`. */
export function mediaPriceOf(kind: MediaProviderKind, model: string): MediaPriceLookup {
  if (LOCAL_MEDIA_PROVIDER_KINDS.includes(kind)) return { price: {}, version: 'local' };
  const table: Record<string, MediaPrice> =
    MEDIA_PRICE_TABLE.prices[kind as keyof typeof MEDIA_PRICE_TABLE.prices] ?? {};
  const name = model.toLowerCase();
  let best: { key: string; price: MediaPrice } | undefined;
  for (const [key, price] of Object.entries(table)) {
    const matches = name === key || [`${key}-`, `${key}:`, `${key}@`].some((prefix) => name.startsWith(prefix));
    if (matches && (best === undefined || key.length > best.key.length)) best = { key, price };
  }
  return best
    ? { price: best.price, version: MEDIA_PRICE_TABLE.version }
    : { price: UNKNOWN_MEDIA_PRICE, version: 'unpriced' };
}

export function imageShapeOf(width: number, height: number): ImageShape {
  if (width === height) return 'square';
  return width > height ? 'landscape' : 'portrait';
}

/** What a media call is priced by: images and their shape, seconds of video, characters spoken. */
export type MediaAmount =
  | { task: 'image'; images: number; shape: ImageShape }
  | { task: 'video'; seconds: number }
  | { task: 'speech'; characters: number };

/**
 * Cost in micro-dollars, rounded up. A price with nothing for the task (a model asked to do what its
 * entry does not price) is charged as unknown, never as free.
 */
export function mediaCostMicros(lookup: MediaPriceLookup, amount: MediaAmount): number {
  if (lookup.version === 'local') return 0;
  const { price } = lookup;
  let dollars: number;
  if (amount.task === 'image') {
    const perImage = price.perImage ?? UNKNOWN_MEDIA_PRICE.perImage;
    dollars = (typeof perImage === 'number' ? perImage : perImage[amount.shape]) * amount.images;
  } else if (amount.task === 'video') {
    dollars = (price.perVideoSecond ?? UNKNOWN_MEDIA_PRICE.perVideoSecond) * amount.seconds;
  } else {
    dollars = ((price.perMChars ?? UNKNOWN_MEDIA_PRICE.perMChars) * amount.characters) / 1_000_000;
  }
  return Math.ceil(Math.round(dollars * 1e9) / 1000);
}
