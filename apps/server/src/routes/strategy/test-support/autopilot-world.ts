/**
 * The autopilot tests' world: the content studio's (app, fake Ollama, Northwind, owner/editor/viewer,
 * an outsider) with a strategy of two pillars, approvals by an admin, and helpers to fill a week of a
 * plan with drafted briefs and run the Execution agent in-process as the worker would.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { agentProgram } from '@plume/core/agents/agent-program';
import { noCompetitors } from '@plume/core/agents/intelligence/competitor-source';
import { executeRun } from '@plume/core/agents/runner';
import { generatePlanWeekJob } from '@plume/core/jobs/plan-jobs';
import { putApprovalSettings } from '@plume/core/posts/approval-settings';
import { putWorkspaceStrategy } from '@plume/core/planning/strategy/strategy-store';
import type { WireAgentRun } from '@plume/contract/agents/agent-run-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { PlanBrief, PlanDetail } from '@plume/contract/planning/plan-schemas';
import type { WorkspaceStrategy } from '@plume/contract/planning/strategy-schemas';
import { auditEvents } from '@plume/db/schema/audit';
import type { TestUser } from '../../../test-support/factories.ts';
import { scriptContentModel } from '../../content/content-fake-model.ts';
import { setUpStudio, type StudioFixture } from '../../content/content-studio-fixture.ts';

export type AutopilotWorld = StudioFixture & {
  call(user: TestUser, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<LightMyRequestResponse>;
  ws: (path: string) => string;
  saveStrategy(rules?: WorkspaceStrategy['rules']): Promise<void>;
  /** A new plan (a month of its own) with the briefs on the days of its second week; placed and drafted unless said. */
  week(
    briefs: { day: number; network: NetworkId; pillar: string }[],
    options?: { place?: boolean; draft?: boolean },
  ): Promise<{ plan: PlanDetail; week: string; briefs: PlanBrief[] }>;
  /** Starts an Execution run over HTTP and runs it in-process; answers the finished run. */
  execute(planId: string, weeks: string[]): Promise<WireAgentRun>;
  audit(action: string): Promise<(typeof auditEvents.$inferSelect)[]>;
};

const baseStrategy: WorkspaceStrategy = {
  pillars: [
    { key: 'tips', name: 'Tips', share: 60, description: 'Brewing tips' },
    { key: 'product', name: 'Product', share: 40, description: 'Our beans' },
  ],
  goals: ['awareness'],
  audience: 'Home baristas',
  tone: ['warm'],
  cadence: { mastodon: 5, x: 5 },
  kpiTargets: [],
  locale: 'en-US',
  monthlyAiBudgetUsd: null,
  templateId: null,
  templateVersion: null,
};

export async function setUpAutopilot(label: string): Promise<AutopilotWorld> {
  const s = await setUpStudio(label, ['mastodon', 'x']);
  scriptContentModel(s.fake);
  await putApprovalSettings(s.t.db, s.workspace.id, { approvalMode: 'any_admin', approverIds: [] });
  let months = 0;
  const year = new Date().getUTCFullYear() + 1;
  const call: AutopilotWorld['call'] = (user, method, url, payload) =>
    s.t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
  const ws = (path: string) => `/api/v1/workspaces/${s.workspace.id}${path}`;
  const world: AutopilotWorld = {
    ...s,
    call,
    ws,
    async saveStrategy(rules) {
      const actor = { type: 'user' as const, id: s.owner.id, name: s.owner.name };
      const strategy = rules === undefined ? baseStrategy : { ...baseStrategy, rules };
      await putWorkspaceStrategy(s.t.db, { workspaceId: s.workspace.id, actor, strategy });
    },
    async week(specs, options = {}) {
      months += 1;
      const created = await call(s.editor, 'POST', ws('/plans'), {
        month: `${year}-${String(months).padStart(2, '0')}`,
      });
      expect(created.statusCode, created.body).toBe(201);
      const plan = created.json<PlanDetail>();
      const week = plan.weeks[1]!;
      const briefs: PlanBrief[] = [];
      for (const [index, spec] of specs.entries()) {
        const day = new Date(Date.parse(`${week}T00:00:00Z`) + spec.day * 86_400_000).toISOString().slice(0, 10);
        const added = await call(s.editor, 'POST', ws(`/plans/${plan.id}/briefs`), {
          day,
          accountId: s.accounts[spec.network],
          pillar: spec.pillar,
          topic: `Autopilot brief ${index + 1}`,
        });
        expect(added.statusCode, added.body).toBe(201);
        briefs.push(added.json<PlanBrief>());
      }
      if (options.place !== false) {
        const placed = await call(s.editor, 'POST', ws(`/plans/${plan.id}/weeks/${week}/place`));
        expect(placed.statusCode, placed.body).toBe(200);
      }
      if (options.draft !== false) {
        const deps = { db: s.t.db, runtime: s.t.context.publishing.runtime, gateway: s.t.context.llm.gateway };
        const actor = { userId: s.editor.id, name: s.editor.name, role: 'editor' as const, kind: 'user' as const };
        await generatePlanWeekJob.run(deps, { planId: plan.id, workspaceId: s.workspace.id, week, actor });
      }
      return { plan, week, briefs };
    },
    async execute(planId, weeks) {
      const started = await call(s.editor, 'POST', ws('/agent-runs'), { kind: 'execution', planId, weeks });
      expect(started.statusCode, started.body).toBe(201);
      const run = started.json<WireAgentRun>();
      expect(run).toMatchObject({ kind: 'execution', estimateMicros: 0, plannedSteps: weeks.length });
      const program = agentProgram({
        competitors: noCompetitors,
        execution: { runtime: s.t.context.publishing.runtime },
      });
      await executeRun({ db: s.t.db, gateway: s.t.context.llm.gateway }, run.id, program);
      const read = await call(s.viewer, 'GET', ws(`/agent-runs/${run.id}`));
      expect(read.statusCode, read.body).toBe(200);
      return read.json<WireAgentRun>();
    },
    audit: (action) =>
      s.t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.workspaceId, s.workspace.id), eq(auditEvents.action, action))),
  };
  return world;
}
