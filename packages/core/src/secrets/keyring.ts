import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const algorithm = 'aes-256-gcm';
const formatVersion = 'v1';

export type Keyring = {
  /** Id of the key new ciphertext is written with. */
  currentKeyId: string;
  encrypt: (plaintext: string) => string;
  decrypt: (ciphertext: string) => string;
  /** True when the ciphertext was written with an older key. */
  needsRotation: (ciphertext: string) => boolean;
  /** A stable sub-key for another purpose (e.g. signing auth cookies), derived with HKDF. */
  derive: (purpose: string) => string;
};

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** Parses a 32-byte key given as 64 hex characters or base64. */
export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('A secret key must be exactly 32 bytes (64 hex characters or base64).');
  return key;
}

export function generateKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * AES-256-GCM with a random 96-bit nonce per value. The ciphertext names the key it was written
 * with, so after a rotation older rows stay readable until `plume secret rotate` rewrites them.
 */
export function createKeyring(current: Buffer, previous: Buffer[] = []): Keyring {
  const keys = new Map<string, Buffer>();
  for (const key of [current, ...previous]) keys.set(keyIdOf(key), key);
  const currentKeyId = keyIdOf(current);

  return {
    currentKeyId,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv(algorithm, current, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [formatVersion, currentKeyId, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(ciphertext) {
      const [version, keyId, iv, tag, body] = ciphertext.split(':');
      if (version !== formatVersion || !keyId || !iv || !tag || body === undefined) {
        throw new Error('Unrecognised ciphertext format');
      }
      const key = keys.get(keyId);
      if (!key) throw new Error(`No key with id ${keyId} is configured; was the secret key changed without rotation?`);
      const decipher = createDecipheriv(algorithm, key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    needsRotation(ciphertext) {
      return ciphertext.split(':')[1] !== currentKeyId;
    },
    derive(purpose) {
      return Buffer.from(hkdfSync('sha256', current, Buffer.alloc(0), `plume:${purpose}`, 32)).toString('hex');
    },
  };
}
