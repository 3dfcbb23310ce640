/**
 * The parts of better-auth's answers the web app reads (`/auth/*` is better-auth's own API; these
 * schemas name only the fields Plume relies on, and let the rest through).
 */
import { z } from 'zod';
import type { Wire } from '../wire.ts';

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  image: z.string().nullish(),
});

/** `GET /auth/get-session`: the session, or `null` when nobody is signed in. */
export const sessionInfoSchema = z
  .object({
    session: z.object({ id: z.string(), userId: z.string(), expiresAt: z.string() }),
    user: sessionUserSchema,
  })
  .nullable();

export const signUpBody = z.object({
  name: z.string(),
  email: z.string(),
  password: z.string(),
  callbackURL: z.string().optional(),
});

export const signInBody = z.object({ email: z.string(), password: z.string() });

export const changePasswordBody = z.object({
  currentPassword: z.string(),
  newPassword: z.string(),
  revokeOtherSessions: z.boolean().optional(),
});

export type SessionInfo = Wire<typeof sessionInfoSchema>;
export type SignUpBody = Wire<typeof signUpBody>;
export type ChangePasswordBody = Wire<typeof changePasswordBody>;
