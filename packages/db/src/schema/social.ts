import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AccountStatus } from '@plume/contract/accounts/account-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import { users } from './auth.ts';
import { workspaces } from './workspaces.ts';

export type { AccountStatus };

/**
 * A connected network account (profile, page, channel…). Tokens are one encrypted JSON blob;
 * their expiry times are kept in clear so the refresh job can find what is due.
 */
export const socialAccounts = pgTable(
  'social_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    network: text('network').$type<NetworkId>().notNull(),
    externalId: text('external_id').notNull(),
    handle: text('handle').notNull(),
    displayName: text('display_name').notNull(),
    kind: text('kind').notNull(),
    avatarUrl: text('avatar_url'),
    profileUrl: text('profile_url'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    tokensCiphertext: text('tokens_ciphertext').notNull(),
    accessExpiresAt: timestamp('access_expires_at', { withTimezone: true }),
    refreshExpiresAt: timestamp('refresh_expires_at', { withTimezone: true }),
    status: text('status').$type<AccountStatus>().notNull().default('connected'),
    disconnectedReason: text('disconnected_reason'),
    disconnectedAt: timestamp('disconnected_at', { withTimezone: true }),
    lastRefreshedAt: timestamp('last_refreshed_at', { withTimezone: true }),
    healthCheckedAt: timestamp('health_checked_at', { withTimezone: true }),
    healthError: text('health_error'),
    rateLimitedUntil: timestamp('rate_limited_until', { withTimezone: true }),
    /** Why the network refused the last metrics read for good (a permission never granted); null while reads work. */
    metricsError: text('metrics_error'),
    metricsErrorAt: timestamp('metrics_error_at', { withTimezone: true }),
    connectedBy: text('connected_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('social_accounts_identity_idx').on(table.workspaceId, table.network, table.externalId),
    index('social_accounts_refresh_idx')
      .on(table.accessExpiresAt)
      .where(sql`${table.status} = 'connected'`),
  ],
);

/** Apps Plume registered on servers of federated networks (Mastodon), one per server. */
export const networkAppRegistrations = pgTable(
  'network_app_registrations',
  {
    network: text('network').notNull(),
    instanceUrl: text('instance_url').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretCiphertext: text('client_secret_ciphertext').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    /** The scopes the app was registered with, space-separated; the app is registered again when Plume needs more. */
    scopes: text('scopes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.network, table.instanceUrl, table.redirectUri] })],
);

/**
 * One OAuth authorization in flight. The `state` sent to the network is this id plus an HMAC; the
 * row is deleted when the callback uses it (single use) and expires after 15 minutes.
 */
export const oauthStates = pgTable('oauth_states', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  network: text('network').notNull(),
  codeVerifierCiphertext: text('code_verifier_ciphertext').notNull(),
  instanceUrl: text('instance_url'),
  /** Set when reconnecting a known account: the callback must return that same identity. */
  reconnectAccountId: uuid('reconnect_account_id'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A login that gave access to several accounts (Facebook pages, LinkedIn organizations, YouTube
 * channels): kept until the user picks which to connect. `payloadCiphertext` holds tokens + identities.
 */
export const pendingConnections = pgTable('pending_connections', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  network: text('network').$type<NetworkId>().notNull(),
  payloadCiphertext: text('payload_ciphertext').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * App-wide throttles: when a network says an app is rate limited on a host, every account of that
 * network on that host with that app waits. `limit_key` is `<host> <app client id or ->`
 * (packages/core/src/publishing/limit-key.ts): one Mastodon server's 429 never holds back another.
 */
export const networkThrottles = pgTable(
  'network_throttles',
  {
    network: text('network').notNull(),
    limitKey: text('limit_key').notNull(),
    until: timestamp('until', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.network, table.limitKey] })],
);
