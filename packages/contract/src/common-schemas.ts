/** Parameters and query strings many routes share. */
import { z } from 'zod';

export const workspaceIdParam = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, 'Not a workspace id');

export const workspaceParams = z.object({ workspaceId: workspaceIdParam });

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const timezoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC',
    'Choose a time zone from the list, like Europe/Paris.',
  );

export const localeSchema = z
  .string()
  .min(2)
  .max(35)
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Enter a language tag such as en-US or fr-FR.');
