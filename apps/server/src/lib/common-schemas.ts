import { z } from 'zod';

export const workspaceIdParam = z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not a workspace id');

export const workspaceParams = z.object({ workspaceId: workspaceIdParam });

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const timezoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', 'Choose a time zone from the list, like Europe/Paris.');

export const localeSchema = z.string().min(2).max(35).regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Enter a language tag such as en-US or fr-FR.');

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** The error answers every protected route may give, for the OpenAPI document. */
export const protectedErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const noContent = z.null().describe('No content');

/** URL fields of requests use this (http/https only, plain message); see packages/http/src/http-url-schema.ts. */
export { httpUrlSchema } from '@plume/http/http-url-schema';
