/**
 * Checks that what a vendor sent is really an image or a video before it goes any further: the
 * type comes from the file's first bytes (its magic number), never from the vendor's label, so an
 * HTML error page or a truncated base64 string is a `malformed_response`, not a broken vault item.
 */
import { malformed } from './vendor-call.ts';
import type { VendorContext } from './vendor-call.ts';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'] as const;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.subarray(from, to)).toString('latin1');
}

/**
 * The media type the bytes start with, or undefined.
 * @example sniffMediaType(pngBytes) // 'image/png'
 */
export function sniffMediaType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'image/gif';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  // ISO base media (MP4, MOV): a box size, then `ftyp` and the brand.
  if (ascii(bytes, 4, 8) === 'ftyp') return ascii(bytes, 8, 10) === 'qt' ? 'video/quicktime' : 'video/mp4';
  return undefined;
}

/** Returns the image's real type, or throws `malformed_response`. */
export function expectImage(bytes: Uint8Array, context: VendorContext): string {
  const type = sniffMediaType(bytes);
  if (type !== undefined && (IMAGE_TYPES as readonly string[]).includes(type)) return type;
  throw malformed(context, bytes.length === 0 ? 'an empty image' : 'the image is not a PNG, JPEG, WebP or GIF file');
}

/** Returns the video's real type, or throws `malformed_response`. */
export function expectVideo(bytes: Uint8Array, context: VendorContext): string {
  const type = sniffMediaType(bytes);
  if (type !== undefined && (VIDEO_TYPES as readonly string[]).includes(type)) return type;
  throw malformed(context, bytes.length === 0 ? 'an empty video' : 'the video is not an MP4, MOV or WebM file');
}

/** Decodes a base64 image field and checks it is an image. */
export function imageFromBase64(data: string, context: VendorContext): { bytes: Uint8Array; mimeType: string } {
  const bytes = new Uint8Array(Buffer.from(data, 'base64'));
  return { bytes, mimeType: expectImage(bytes, context) };
}

/** Base64 of an input image, for vendors that take images inline in JSON. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
