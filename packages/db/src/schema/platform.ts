import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MailStatus } from '@plume/contract/admin/outbox-schemas';
import { users } from './auth.ts';
import { workspaces } from './workspaces.ts';

/** Every mail Plume sends. Without SMTP the row is the delivery: admins read it in the web app. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order, for stable keyset pagination. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    status: text('status').$type<MailStatus>().notNull().default('queued'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [index('mail_outbox_seq_idx').on(table.seq)],
);

export const userPreferences = pgTable('user_preferences', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Failed sign-ins per email, for lockout after repeated failures. */
export const loginAttempts = pgTable('login_attempts', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
});

/** Stored responses for `Idempotency-Key`, per caller. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.principal, table.key] }),
    index('idempotency_created_idx').on(table.createdAt),
  ],
);

export const workerHeartbeats = pgTable('worker_heartbeats', {
  workerId: text('worker_id').primaryKey(),
  hostname: text('hostname').notNull(),
  pid: integer('pid').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  /** graphile-worker's own worker ids in this process, so a sweep can unlock the jobs of a dead one. */
  queueWorkerIds: jsonb('queue_worker_ids').$type<string[]>().notNull().default([]),
});

/**
 * Encrypted secrets owned by a workspace (network tokens, model provider keys). `ciphertext` is
 * AES-256-GCM under the instance key; `plume secret rotate` re-encrypts every row.
 */
export const workspaceSecrets = pgTable(
  'workspace_secrets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    ciphertext: text('ciphertext').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('workspace_secrets_workspace_idx').on(table.workspaceId, table.name)],
);

/**
 * Instance-wide switches, one row (absent = defaults). `publishing_paused_at` set means the engine calls
 * no network (posts wait as pending, nothing is lost): a restored copy starts so, until an admin resumes
 * it, so that the original and the copy never both publish the same posts (docs/publishing.md).
 */
export const instanceSettings = pgTable(
  'instance_settings',
  {
    id: smallint('id').primaryKey().default(1),
    publishingPausedAt: timestamp('publishing_paused_at', { withTimezone: true }),
    publishingPausedReason: text('publishing_paused_reason'),
    /** Who last paused or resumed publishing: a user's name, or `plume` for the command line. */
    publishingChangedBy: text('publishing_changed_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('instance_settings_single_row', sql`${table.id} = 1`)],
);
