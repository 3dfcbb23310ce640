import { createHash, randomBytes } from 'node:crypto';

export const apiKeyMarker = 'plume_';

/** A key reads `plume_<8-char prefix>_<secret>`; the prefix identifies it in lists without revealing it. */
export function generateApiKeyToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString('base64url').slice(0, 8);
  const secret = randomBytes(24).toString('base64url');
  const token = `${apiKeyMarker}${prefix}_${secret}`;
  return { token, prefix: `${apiKeyMarker}${prefix}`, hash: hashApiKeyToken(token) };
}

/** Keys are long and random, so one fast SHA-256 is enough; no salt or slow hash is needed. */
export function hashApiKeyToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(apiKeyMarker);
}
