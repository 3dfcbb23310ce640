import type { PlanDeps } from '@plume/core/planning/plans/plan-world';
import type { DraftDeps } from '@plume/core/planning/plans/draft-brief';
import type { AppContext } from '../../app-context.ts';
import type { WorkspaceAccess } from '../../lib/workspace-access.ts';
import { contentDeps } from '../content/content-deps.ts';

/** What the plan functions need for one request (the strategy's rules are wired here at merge). */
export function planDeps(context: AppContext): PlanDeps {
  return { db: context.db, runtime: context.publishing.runtime };
}

/** The content studio's deps plus the network runtime, for writing a brief's draft in the request. */
export function draftDeps(context: AppContext, access: WorkspaceAccess): DraftDeps {
  return { ...contentDeps(context, access), runtime: context.publishing.runtime };
}
