/**
 * Where uploaded media lives. Local disk under the data directory by default; the interface leaves
 * room for S3-compatible storage. Networks that fetch media themselves get a signed public URL.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Keyring } from '../secrets/keyring.ts';

export interface MediaStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  read(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

const SAFE_KEY = /^[\w-]+(\/[\w.-]+)*$/;

export function createDiskMediaStore(rootDir: string): MediaStore {
  const fileOf = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe media key ${key}`);
    return path.join(rootDir, key);
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { mode: 0o640 });
    },
    async read(key) {
      return new Uint8Array(await readFile(fileOf(key)));
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

function signature(keyring: Keyring, mediaId: string): string {
  return createHmac('sha256', keyring.derive('media-url')).update(mediaId).digest('base64url').slice(0, 32);
}

/** A URL networks can fetch without signing in; unguessable, tied to one media id. */
export function mediaPublicUrl(keyring: Keyring, appUrl: string, mediaId: string): string {
  return new URL(`/media/${mediaId}/${signature(keyring, mediaId)}`, appUrl).toString();
}

export function verifyMediaSignature(keyring: Keyring, mediaId: string, candidate: string): boolean {
  const expected = Buffer.from(signature(keyring, mediaId));
  const actual = Buffer.from(candidate);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
