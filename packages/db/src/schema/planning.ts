import { sql } from 'drizzle-orm';
import { doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AbTestKind, AbTestState, AbVariant } from '@plume/contract/planning/ab-test-enums';
import type { ContentType } from '@plume/contract/content/content-enums';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { BriefState, GenerationState, PlanState } from '@plume/contract/planning/plan-enums';
import { agentRuns } from './agents.ts';
import { users } from './auth.ts';
import { contentDrafts } from './content.ts';
import { posts } from './publishing.ts';
import { socialAccounts } from './social.ts';
import { workspaces } from './workspaces.ts';

export type { AbTestKind, AbTestState, AbVariant, BriefState, GenerationState, PlanState };

/** One theme per week of the month; `week` is the Monday (`YYYY-MM-DD`, the workspace's calendar). */
export type WeekTheme = { week: string; theme: string };

/** The last "generate the week's drafts" of a plan, as its job reports it (polled by the web app). */
export type PlanGeneration = {
  week: string;
  state: GenerationState;
  total: number;
  done: number;
  failed: { briefId: string; message: string }[];
  startedAt: string;
  finishedAt?: string;
};

/** A month of content for a workspace: its weekly themes and, through its briefs, what goes out when. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** `YYYY-MM`. */
    month: text('month').notNull(),
    themes: jsonb('themes').$type<WeekTheme[]>().notNull().default([]),
    state: text('state').$type<PlanState>().notNull().default('draft'),
    generation: jsonb('generation').$type<PlanGeneration>(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('plans_workspace_month_idx').on(table.workspaceId, table.month)],
);

/** One post to be: a day, a network and account, a pillar and a topic; then its slot, draft post and approval. */
export const planBriefs = pgTable(
  'plan_briefs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** `YYYY-MM-DD` in the workspace's calendar. */
    day: text('day').notNull(),
    network: text('network').$type<NetworkId>().notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    /** A key of the workspace strategy's pillars (text: the strategy is its own module). */
    pillar: text('pillar').notNull(),
    topic: text('topic').notNull(),
    format: text('format').$type<ContentType>().notNull().default('educational'),
    /** The planner's notes for the writer (angle, product, link…); in the draft's prompt. */
    notes: text('notes'),
    /** What the post's image or video should show, for the media step to turn into one; null when none was asked. */
    visualBrief: text('visual_brief'),
    /** The Content agent run that wrote the brief (null: added by hand); a resumed run finds its briefs by it. */
    agentRunId: uuid('agent_run_id').references(() => agentRuns.id, { onDelete: 'set null' }),
    /** Null until placed. */
    slot: timestamp('slot', { withTimezone: true }),
    placementReason: text('placement_reason'),
    state: text('state').$type<BriefState>().notNull().default('brief'),
    /** The content-studio draft written for it: kept first, so a resumed job does not pay for it twice. */
    contentDraftId: uuid('content_draft_id').references(() => contentDrafts.id, { onDelete: 'set null' }),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'set null' }),
    replacesId: uuid('replaces_id'),
    replacedById: uuid('replaced_by_id'),
    rejectionReason: text('rejection_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('plan_briefs_plan_day_idx').on(table.planId, table.day),
    index('plan_briefs_post_idx').on(table.postId),
    index('plan_briefs_agent_run_idx').on(table.agentRunId),
  ],
);

/** One variant's figures as read at 24 h: the analytics snapshot nearest 24 h after it went out. */
export type AbVariantReading = {
  engagements: number;
  impressions: number | null;
  publishedAt: string;
  takenAt: string;
};

/**
 * An A/B test of two briefs of a plan on comparable slots of one account: brief A (the drafted brief
 * it started from) and brief B (created by the test). Decided at 24 h by decideAbWinner (packages/insights).
 */
export const abTests = pgTable(
  'ab_tests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<AbTestKind>().notNull(),
    briefAId: uuid('brief_a_id')
      .notNull()
      .references(() => planBriefs.id, { onDelete: 'cascade' }),
    briefBId: uuid('brief_b_id')
      .notNull()
      .references(() => planBriefs.id, { onDelete: 'cascade' }),
    state: text('state').$type<AbTestState>().notNull().default('running'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    winner: text('winner').$type<AbVariant>(),
    pValue: doublePrecision('p_value'),
    /** `two_proportion_z` or `exact_poisson`, as decideAbWinner answered. */
    method: text('method'),
    /** B's rate over A's (or A's over B's for an A win), when both rates are above zero. */
    lift: doublePrecision('lift'),
    /** The account's post-to-post spread used (null: the prior). */
    spread: doublePrecision('spread'),
    readingA: jsonb('reading_a').$type<AbVariantReading>(),
    readingB: jsonb('reading_b').$type<AbVariantReading>(),
    /** The verdict or the state's cause in plain words. */
    reason: text('reason'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('ab_tests_plan_idx').on(table.planId),
    uniqueIndex('ab_tests_brief_b_idx').on(table.briefBId),
    index('ab_tests_running_idx')
      .on(table.state)
      .where(sql`${table.state} = 'running'`),
  ],
);
