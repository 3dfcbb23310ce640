import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RevisionSource } from '@plume/contract/content/content-enums';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import { users } from './auth.ts';
import { posts } from './publishing.ts';
import { workspaces } from './workspaces.ts';

/** The workspace's brand profile or, for a character workspace, its persona (validated in core/content). */
export const brandProfiles = pgTable('brand_profiles', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<'brand' | 'persona'>().notNull(),
  profile: jsonb('profile').$type<Record<string, unknown>>().notNull(),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A workspace's own version of a built-in content template. */
export const contentTemplates = pgTable(
  'content_templates',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    template: jsonb('template').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.contentType] })],
);

/** A piece of AI-assisted writing: the brief it came from and, through its revisions, its history. */
export const contentDrafts = pgTable(
  'content_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Set once a variant is accepted into a post. */
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'set null' }),
    brief: jsonb('brief').$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('content_drafts_workspace_idx').on(table.workspaceId, table.createdAt)],
);

/** One version of a draft's text for one network: a generated variant, a rewrite or a manual edit. */
export const contentRevisions = pgTable(
  'content_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => contentDrafts.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** Which generated variant this belongs to (1–5), carried through rewrites. */
    variant: integer('variant').notNull(),
    network: text('network').$type<NetworkId>().notNull(),
    text: text('text').notNull(),
    /** The separate title on networks that have one (YouTube, Reddit, Pinterest, TikTok). */
    title: text('title'),
    /** Further parts of a thread after `text`, on networks that support threads. */
    thread: jsonb('thread').$type<string[]>().notNull().default([]),
    hashtags: jsonb('hashtags').$type<string[]>().notNull().default([]),
    cta: text('cta'),
    altText: text('alt_text'),
    /** `generated`, `rewrite:<action>` or `manual`. */
    source: text('source').$type<RevisionSource>().notNull(),
    parentId: uuid('parent_id'),
    quality: jsonb('quality').$type<Record<string, unknown>>(),
    usageId: uuid('usage_id'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('content_revisions_draft_seq_idx').on(table.draftId, table.seq)],
);
