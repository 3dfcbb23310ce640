/**
 * What the automation tests share: a real app on its own database, an owner and a workspace with a
 * Mastodon account, rules made through the API, and the worker's part done the way the worker does
 * it — each queued `run_automation` job's payload through the job definition, then the job removed.
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { AutomationLimits, AutomationServices } from '@plume/core/automation/automation-services';
import { DEFAULT_AUTOMATION_LIMITS } from '@plume/core/automation/automation-services';
import { runAutomationJob } from '@plume/core/jobs/automation-jobs';
import { createPost } from '@plume/core/posts/manage-posts';
import { socialAccounts } from '@plume/db/schema/social';
import { createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from './factories.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export type AutomationKit = {
  t: TestApp;
  owner: TestUser;
  workspace: TestWorkspace;
  accountId: string;
  services: (limits?: Partial<AutomationLimits>) => AutomationServices;
  createRule: (body: unknown) => Promise<{ id: string; signingSecret: string }>;
  runJobs: (services: AutomationServices) => Promise<number>;
  publishFirstTarget: (postId: string) => Promise<void>;
  newPost: (text: string) => Promise<string>;
};

export async function startAutomationKit(): Promise<AutomationKit> {
  const t = await createTestApp({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  const owner = await createUser(t.app, t.db, { name: 'Olive Owner' });
  const workspace = await createWorkspaceAs(t.app, owner);
  const [account] = await t.db
    .insert(socialAccounts)
    .values({
      workspaceId: workspace.id,
      network: 'mastodon',
      externalId: 'automation-1',
      handle: '@bakery@example.test',
      displayName: 'Bakery',
      kind: 'profile',
      tokensCiphertext: 'unused',
    })
    .returning({ id: socialAccounts.id });
  const accountId = account!.id;
  const postDeps = { db: t.db, runtime: t.context.publishing.runtime };
  const actor = { userId: null, name: 'Rule', role: 'editor' as const, kind: 'system' as const };
  const newPost = (text: string) =>
    createPost(postDeps, {
      workspaceId: workspace.id,
      actor,
      post: {
        content: { text, mediaIds: [], thread: [], hashtags: [] },
        targets: [{ accountId, override: {}, settings: {} }],
        submit: false,
      },
    });
  return {
    t,
    owner,
    workspace,
    accountId,
    newPost,
    services: (limits = {}) => ({
      db: t.db,
      keyring: t.context.keyring,
      http: t.context.publishing.http,
      runtime: t.context.publishing.runtime,
      limits: { ...DEFAULT_AUTOMATION_LIMITS, ...limits },
      // The content studio without a model: the draft post is made the same way, with the topic as text.
      generateDraft: async (input) => ({ postId: await newPost(input.topic) }),
    }),
    createRule: async (body) => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/automation/rules`,
        headers: owner.headers,
        payload: body as Record<string, unknown>,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string; signingSecret: string }>();
    },
    runJobs: async (services) => {
      let count = 0;
      for (;;) {
        const jobs = await t.db.execute<{ key: string; payload: { eventId: string } }>(
          sql`SELECT j.key, j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'run_automation' ORDER BY j.id`,
        );
        if (jobs.rows.length === 0) return count;
        for (const job of jobs.rows) {
          await runAutomationJob.run(services, runAutomationJob.payload.parse(job.payload));
          await t.db.execute(sql`SELECT graphile_worker.remove_job(${job.key})`);
          count += 1;
        }
      }
    },
    // What the publishing engine writes when a target went out: the target's state and its history row.
    publishFirstTarget: async (postId) => {
      await t.db.execute(sql`
        WITH target AS (
          UPDATE post_targets SET state = 'published', remote_id = 'r-' || id, remote_url = 'https://example.test/@bakery/' || id, published_at = now()
          WHERE post_id = ${postId} RETURNING id, post_id)
        INSERT INTO post_events (post_id, target_id, type, from_state, to_state, detail)
        SELECT post_id, id, 'target_published', 'publishing', 'published', '{}'::jsonb FROM target`);
    },
  };
}
