import { z } from 'zod';
import { preferencesSchema } from '@plume/core/me/preferences';
import { httpUrlSchema } from '../../lib/common-schemas.ts';

export const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  image: z.string().nullable(),
  isInstanceAdmin: z.boolean(),
  createdAt: z.date(),
});

export const updateProfileBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    image: httpUrlSchema().nullable().optional(),
  })
  .strict();

export const preferencesBody = preferencesSchema.partial().strict();

export const deleteAccountBody = z.object({ password: z.string().min(1).max(128) }).strict();

export { preferencesSchema };
