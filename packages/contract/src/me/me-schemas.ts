/** The signed-in user: profile, preferences, account deletion. */
import { z } from 'zod';
import { httpUrlSchema } from '../http-url-schema.ts';
import { timestamp, type Wire } from '../wire.ts';

export const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  image: z.string().nullable(),
  isInstanceAdmin: z.boolean(),
  createdAt: timestamp,
});

export const updateProfileBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    image: httpUrlSchema().nullable().optional(),
  })
  .strict();

/** Colour scheme choice; `system` follows the operating system. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const theme = z.enum(THEMES);
const weekStartsOn = z.union([z.literal(0), z.literal(1)]).describe('0 = Sunday, 1 = Monday');
const locale = z.string().min(2).max(35);

/**
 * `GET /me/preferences`: every preference, defaults filled in. What Plume tells you, and how, is per kind:
 * `/me/notification-preferences` (notification-schemas.ts).
 */
export const preferencesSchema = z.object({ theme, weekStartsOn, locale });
export type Preferences = z.infer<typeof preferencesSchema>;

/** Stored preferences may predate a newer field: parsing fills the defaults in. */
export const storedPreferencesSchema = z.object({
  theme: theme.default('system'),
  weekStartsOn: weekStartsOn.default(1),
  locale: locale.default('en'),
});

/** `PUT /me/preferences` takes any subset. */
export const preferencesBody = preferencesSchema.partial().strict();

export const deleteAccountBody = z.object({ password: z.string().min(1).max(128) }).strict();

export type Me = Wire<typeof profileSchema>;
export type UpdateProfileBody = Wire<typeof updateProfileBody>;
export type PreferencesBody = Wire<typeof preferencesBody>;
