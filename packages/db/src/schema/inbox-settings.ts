/**
 * A workspace's inbox settings (docs/inbox.md, "AI in the inbox"). Without a row the defaults apply:
 * classify and draft on; nothing is hidden or sent by automation until the owner turns it on.
 */
import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { workspaces } from './workspaces.ts';

export const DEFAULT_REPLY_DISCLOSURE = '— sent by our automated assistant';

export const inboxSettings = pgTable('inbox_settings', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  classify: boolean('classify').notNull().default(true),
  draftReplies: boolean('draft_replies').notNull().default(true),
  autoHideSpam: boolean('auto_hide_spam').notNull().default(false),
  disclosedAutomation: boolean('disclosed_automation').notNull().default(false),
  disclosure: text('disclosure').notNull().default(DEFAULT_REPLY_DISCLOSURE),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
