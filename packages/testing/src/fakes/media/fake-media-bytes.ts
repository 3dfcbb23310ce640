/**
 * Real, small media files for the media fakes, made without any dependency: a PNG of the asked size
 * whose pattern depends on the prompt (so it is neither blank nor the same for every prompt), a WAV
 * tone, and MP3 frames of silence. Tools that probe them (sharp, ffprobe) read them as what they claim.
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A number from a text, to vary colours by prompt. */
function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/** An RGB PNG of `width`×`height`: diagonal bands in colours drawn from `seedText` (one flat colour when `blank`). */
export function fakePng(width: number, height: number, seedText = '', blank = false): Buffer {
  const seed = seedOf(seedText);
  const [r, g, b] = [seed & 0xff, (seed >> 8) & 0xff, (seed >> 16) & 0xff];
  const rowBytes = width * 3 + 1;
  const raw = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const band = blank ? 1 : ((x + y) >> 5) & 1;
      const at = row + 1 + x * 3;
      raw[at] = band ? r : 255 - r;
      raw[at + 1] = band ? g : (x * 255) / width;
      raw[at + 2] = band ? b : (y * 255) / height;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 16-bit mono WAV of a 440 Hz tone lasting `seconds`. */
export function fakeWav(seconds: number, sampleRate = 16_000): Buffer {
  const samples = Math.max(1, Math.round(seconds * sampleRate));
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 8000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** MPEG-1 Layer III frames of silence (128 kbit/s, 44.1 kHz, mono), about `seconds` long. */
export function fakeMp3(seconds: number): Buffer {
  const frameBytes = 417;
  const frames = Math.max(1, Math.round((seconds * 44_100) / 1152));
  const frame = Buffer.alloc(frameBytes);
  frame.set([0xff, 0xfb, 0x90, 0xc4], 0);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

/** Seconds a text takes to say at about 15 characters a second. */
export function speakingSeconds(text: string, speed = 1): number {
  return Math.max(0.5, text.length / 15 / speed);
}
