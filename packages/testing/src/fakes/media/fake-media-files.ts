/**
 * Real files for the media fakes to answer with: a PNG of the size asked for (a seeded diagonal
 * pattern, so it is neither blank nor the same for every seed) and a small MP4 container header, so
 * adapters' magic-byte checks and the quality checks downstream see what a vendor would send.
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * An RGB PNG of `width`×`height` whose colours depend on `seed`.
 * @example fakePng(64, 64, 7).subarray(0, 4) // <89 50 4e 47>
 */
export function fakePng(width: number, height: number, seed = 1): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  const tint = (seed * 53) % 256;
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const at = y * row + 1 + x * 3;
      raw[at] = (x + y + tint) % 256;
      raw[at + 1] = (x * 2 + tint) % 256;
      raw[at + 2] = (y * 2 + seed) % 256;
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An MP4 `ftyp` box followed by an empty `mdat`: enough for a type check, not for a player. */
export function fakeMp4(): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypisom', 'latin1'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isomiso2', 'latin1'),
  ]);
  const mdat = Buffer.concat([Buffer.from([0, 0, 0, 8]), Buffer.from('mdat', 'latin1')]);
  return Buffer.concat([ftyp, mdat]);
}

/** The word a media fake treats as against its content policy ("a forbidden scene" is refused). */
export const FAKE_REFUSED_WORD = 'forbidden';
