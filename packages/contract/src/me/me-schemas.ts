/** The signed-in user: profile, preferences, account deletion. */
import { z } from 'zod';
import { httpUrlSchema } from '../http-url-schema.ts';
import { timestamp } from '../wire.ts';

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

export const preferencesSchema = z.object({
  theme: z.enum(THEMES).default('system'),
  emailNotifications: z.boolean().default(true),
  weekStartsOn: z.union([z.literal(0), z.literal(1)]).default(1),
  locale: z.string().min(2).max(35).default('en'),
});

export type Preferences = z.infer<typeof preferencesSchema>;

export const preferencesBody = preferencesSchema.partial().strict();

export const deleteAccountBody = z.object({ password: z.string().min(1).max(128) }).strict();
