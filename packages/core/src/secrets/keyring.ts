import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '@plume/errors/app-error';

const algorithm = 'aes-256-gcm';
const formatVersion = 'v1';

export type Keyring = {
  /** Id of the key new ciphertext is written with. */
  currentKeyId: string;
  encrypt: (plaintext: string) => string;
  decrypt: (ciphertext: string) => string;
  /** True when the ciphertext was written with an older key. */
  needsRotation: (ciphertext: string) => boolean;
  /** The key id a ciphertext names when this keyring cannot read it, else null. */
  missingKeyOf: (ciphertext: string) => string | null;
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
 * Why a stored secret cannot be read: written with a key this instance does not have (data restored
 * without its key, a key changed without rotation). `what` names the secret, `remedy` what its owner
 * can do short of finding the key.
 */
export function missingKeyText(keyId: string, what = 'A stored secret', remedy = 'Enter it again'): string {
  return (
    `${what} cannot be read: it was encrypted with the secret key ${keyId}, which this Plume server does not have (data restored or moved without its key?). ` +
    `${remedy}, or start Plume with that key (PLUME_SECRET_KEY, or the secret.key file of the instance the data came from).`
  );
}

/** The typed error for it: every caller can show it on its own screen, never as a server error. */
export function secretKeyMissing(keyId: string, what?: string, remedy?: string): AppError {
  return new AppError('secret_key_missing', { detail: missingKeyText(keyId, what, remedy) });
}

export function isSecretKeyMissing(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'secret_key_missing';
}

/**
 * AES-256-GCM with a random 96-bit nonce per value. The ciphertext names the key it was written
 * with, so after a rotation older rows stay readable until `plume secret rotate` rewrites them.
 * `findKey` is asked for a key id the keyring does not hold (a key file rotated while Plume runs).
 */
export function createKeyring(
  current: Buffer,
  previous: Buffer[] = [],
  findKey?: (keyId: string) => Buffer | undefined,
): Keyring {
  const keys = new Map<string, Buffer>();
  for (const key of [current, ...previous]) keys.set(keyIdOf(key), key);
  const currentKeyId = keyIdOf(current);
  const keyFor = (keyId: string): Buffer | undefined => {
    const known = keys.get(keyId);
    if (known) return known;
    const found = findKey?.(keyId);
    if (found && keyIdOf(found) === keyId) keys.set(keyId, found);
    return found;
  };

  return {
    currentKeyId,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv(algorithm, current, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [formatVersion, currentKeyId, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(
        ':',
      );
    },
    decrypt(ciphertext) {
      const [version, keyId, iv, tag, body] = ciphertext.split(':');
      if (version !== formatVersion || !keyId || !iv || !tag || body === undefined) {
        throw new Error('Unrecognised ciphertext format');
      }
      const key = keyFor(keyId);
      if (!key) throw secretKeyMissing(keyId);
      const decipher = createDecipheriv(algorithm, key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    needsRotation(ciphertext) {
      return ciphertext.split(':')[1] !== currentKeyId;
    },
    missingKeyOf(ciphertext) {
      const keyId = ciphertext.split(':')[1];
      return keyId === undefined || keyFor(keyId) ? null : keyId;
    },
    derive(purpose) {
      return Buffer.from(hkdfSync('sha256', current, Buffer.alloc(0), `plume:${purpose}`, 32)).toString('hex');
    },
  };
}
