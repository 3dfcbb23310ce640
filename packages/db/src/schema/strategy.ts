import { boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { workspaces } from './workspaces.ts';

/**
 * A workspace's current strategy (pillars and their shares, goals, audience, tone, cadence per
 * network, KPI targets, locale, monthly AI budget), validated in core/planning/strategy.
 */
export const workspaceStrategies = pgTable('workspace_strategies', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  strategy: jsonb('strategy').$type<Record<string, unknown>>().notNull(),
  /** The industry template it started from, and that template's version then. */
  templateId: text('template_id'),
  templateVersion: integer('template_version'),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The workspace's own copy of the industry template it chose, made when it chose it; edits change
 * this row only, never the file in the repository.
 */
export const workspaceTemplateCopies = pgTable('workspace_template_copies', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  templateId: text('template_id').notNull(),
  /** The version of the repository's file the copy was made from. */
  templateVersion: integer('template_version').notNull(),
  template: jsonb('template').$type<Record<string, unknown>>().notNull(),
  /** True once someone in the workspace has changed the copy. */
  edited: boolean('edited').notNull().default(false),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
