/**
 * The OAuth `state`: a row id plus an HMAC of it, so a forged or altered state is refused before the
 * database is asked, and the row makes it single-use and short-lived.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Keyring } from '../secrets/keyring.ts';

export const OAUTH_STATE_TTL_MS = 15 * 60 * 1000;

function mac(keyring: Keyring, id: string): string {
  return createHmac('sha256', keyring.derive('oauth-state')).update(id).digest('base64url');
}

export function signState(keyring: Keyring, id: string): string {
  return `${id}.${mac(keyring, id)}`;
}

/** Returns the row id when the signature is valid, else undefined. */
export function verifyState(keyring: Keyring, state: string): string | undefined {
  const [id, signature, ...rest] = state.split('.');
  if (id === undefined || signature === undefined || rest.length > 0) return undefined;
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const expected = Buffer.from(mac(keyring, id));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : undefined;
}
