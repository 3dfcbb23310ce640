/**
 * The session objects of com.atproto.server.createSession / refreshSession / getSession and what we
 * keep from them: both JWTs with their expiry (read from the unverified `exp` claim, only to refresh
 * ahead of time), and the PDS endpoint from the DID document (`#atproto_pds` service).
 */
import { z } from 'zod';
import type { TokenSet } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';

const didDocSchema = z.looseObject({
  service: z
    .array(z.looseObject({ id: z.string(), type: z.string().optional(), serviceEndpoint: z.unknown() }))
    .optional(),
});

/** createSession and refreshSession output (the fields we use). */
export const sessionSchema = z.looseObject({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  handle: z.string().min(1),
  did: z.string().startsWith('did:'),
  didDoc: z.unknown().optional(),
  active: z.boolean().optional(),
  status: z.string().optional(),
});

/** getSession output (the fields we use). */
export const sessionInfoSchema = sessionSchema.omit({ accessJwt: true, refreshJwt: true });

export type BlueskySession = z.infer<typeof sessionSchema>;

/** The `exp` claim of a JWT as a date; undefined when the token is not a readable JWT. */
export function jwtExpiry(jwt: string): Date | undefined {
  const payload = jwt.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (claims !== null && typeof claims === 'object' && 'exp' in claims && typeof claims.exp === 'number')
      return new Date(claims.exp * 1000);
  } catch {
    // not a JWT we can read; the engine then refreshes on the first 401
  }
  return undefined;
}

/** The session's JWTs as Plume tokens. */
export function tokensFromSession(session: BlueskySession): TokenSet {
  const expiresAt = jwtExpiry(session.accessJwt);
  const refreshExpiresAt = jwtExpiry(session.refreshJwt);
  return {
    accessToken: session.accessJwt,
    refreshToken: session.refreshJwt,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(refreshExpiresAt === undefined ? {} : { refreshExpiresAt }),
  };
}

/** The `#atproto_pds` endpoint of a DID document, when the host sent one. */
export function pdsEndpoint(didDoc: unknown): string | undefined {
  const parsed = didDocSchema.safeParse(didDoc);
  if (!parsed.success) return undefined;
  const service = parsed.data.service?.find((entry) => entry.id.endsWith('#atproto_pds'));
  const endpoint = service?.serviceEndpoint;
  if (typeof endpoint !== 'string' || !/^https?:\/\//.test(endpoint)) return undefined;
  return endpoint.replace(/\/+$/, '');
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  takendown: 'Bluesky has taken this account down.',
  suspended: 'This Bluesky account is suspended.',
  deactivated: 'This Bluesky account is deactivated. Reactivate it in Bluesky, then try again.',
};

/** Throws when the host says the account cannot post (`active: false`). */
export function assertActive(session: { active?: boolean | undefined; status?: string | undefined }): void {
  if (session.active !== false) return;
  const status = session.status ?? 'inactive';
  throw new Permanent(STATUS_WORDS[status] ?? `This Bluesky account is not active (${status}).`, {
    vendorCode: status,
  });
}
