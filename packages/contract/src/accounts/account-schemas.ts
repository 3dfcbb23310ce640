/** Connected network accounts (never their tokens) and connecting new ones. */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { NETWORK_IDS } from '../networks/network-enums.ts';
import type { Wire } from '../wire.ts';

export const ACCOUNT_STATUSES = ['connected', 'disconnected'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const accountSchema = z.object({
  id: z.string(),
  network: z.enum(NETWORK_IDS),
  externalId: z.string(),
  handle: z.string(),
  displayName: z.string(),
  kind: z.string().describe('What the account is on its network: profile, page, channel…'),
  avatarUrl: z.string().nullable(),
  profileUrl: z.string().nullable(),
  status: z.enum(ACCOUNT_STATUSES),
  disconnectedReason: z.string().nullable(),
  tokenExpiresAt: z.string().nullable(),
  lastRefreshedAt: z.string().nullable(),
  healthCheckedAt: z.string().nullable(),
  healthError: z.string().nullable(),
  metricsError: z
    .string()
    .nullable()
    .describe(
      "Why the network refused to give this account's metrics (a permission not granted); null while reads work",
    ),
  rateLimitedUntil: z.string().nullable(),
  createdAt: z.string(),
  failedWhileDisconnected: z
    .number()
    .int()
    .optional()
    .describe('In the list: posts that failed because this account was disconnected (see retry-failed)'),
});

export const retryReportSchema = z.object({
  retried: z.number().int(),
  skipped: z.array(z.object({ postId: z.string(), reason: z.string() })),
});

export const networkIdField = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z_]+$/, 'Not a network id');

export const startOAuthBody = z.strictObject({
  network: networkIdField,
  instanceUrl: z.string().min(3).max(300).optional(),
  reconnectAccountId: z.uuid().optional(),
});

export const startOAuthResponse = z.object({ authorizeUrl: z.string() });

export const credentialsBody = z.strictObject({
  network: networkIdField,
  credentials: z.record(z.string().max(100), z.unknown()),
});

export const accountParams = z.object({ workspaceId: workspaceIdParam, accountId: z.uuid() });
export const pendingParams = z.object({ workspaceId: workspaceIdParam, pendingId: z.uuid() });

export const pickBody = z.strictObject({ externalIds: z.array(z.string().min(1).max(200)).min(1).max(100) });

/** One identity a sign-in offered (a page, an organization, a channel…). */
export const identitySchema = z.object({
  externalId: z.string(),
  handle: z.string(),
  displayName: z.string(),
  kind: z.string(),
  avatarUrl: z.string().optional(),
  profileUrl: z.string().optional(),
});

export const pendingIdentitiesSchema = z.object({ network: z.enum(NETWORK_IDS), identities: z.array(identitySchema) });

export const callbackQuery = z.object({
  state: z.string().max(200).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

export type Account = Wire<typeof accountSchema>;
export type Identity = Wire<typeof identitySchema>;
export type PendingIdentities = Wire<typeof pendingIdentitiesSchema>;
export type RetryReport = Wire<typeof retryReportSchema>;
export type StartOAuthBody = Wire<typeof startOAuthBody>;
