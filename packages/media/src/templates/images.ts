/**
 * Images inside a template (the logo, a product photo, a customer's photo) arrive as bytes from the
 * vault. Satori takes them as data URIs; each is first scaled down with sharp so a 12-megapixel photo
 * does not cost a 12-megapixel decode on every preview, and the result is kept for the next render.
 */
import { createHash } from 'node:crypto';

export type PreparedImage = { dataUri: string; width: number; height: number };

const MAX_SIDE = 1200;
const MAX_CACHED = 24;
const cache = new Map<string, Promise<PreparedImage>>();

async function prepare(bytes: Uint8Array, keepAlpha: boolean): Promise<PreparedImage> {
  const { default: sharp } = await import('sharp');
  const pipeline = sharp(bytes, { failOn: 'error' })
    .rotate()
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  const encoded = keepAlpha ? pipeline.png() : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 88 });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  const mime = keepAlpha ? 'image/png' : 'image/jpeg';
  return { dataUri: `data:${mime};base64,${data.toString('base64')}`, width: info.width, height: info.height };
}

/**
 * The image ready for satori. `keepAlpha` for logos (transparent PNGs stay transparent); photos are
 * flattened to JPEG. Fails (sharp's error) when the bytes are not an image.
 */
export function prepareImage(bytes: Uint8Array, keepAlpha: boolean): Promise<PreparedImage> {
  const key = `${keepAlpha ? 'a' : 'o'}:${createHash('sha1').update(bytes).digest('hex')}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const prepared = prepare(bytes, keepAlpha);
  prepared.catch(() => cache.delete(key));
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, prepared);
  return prepared;
}
