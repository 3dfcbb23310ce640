/** OpenAPI-only pieces of route schemas; the shared ones live in @plume/contract. */
import { z } from 'zod';
import { problemSchema } from '@plume/contract/wire';

/** The error answers every protected route may give, for the OpenAPI document. */
export const protectedErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const noContent = z.null().describe('No content');
