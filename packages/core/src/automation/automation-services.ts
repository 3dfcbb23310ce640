/**
 * What rule actions need from the rest of Plume. The worker builds it once (run-worker.ts); pieces
 * that need a model (`generateDraft`) or belong to the replies engine (`replies`) may be missing, and
 * the action then fails with a plain reason in the run's history instead of doing something else.
 */
import type { Database } from '@plume/db/client';
import type { HttpClient } from '@plume/http/http-client';
import type { Keyring } from '../secrets/keyring.ts';
import type { NetworkRuntime } from '../social/network-runtime.ts';

export type AutomationLimits = {
  runsPerHour: number;
  actionsPerDay: number;
  ruleRunsPerHour: number;
  ruleBurstPerMinute: number;
  maxChainDepth: number;
};

export const DEFAULT_AUTOMATION_LIMITS: AutomationLimits = {
  runsPerHour: 200,
  actionsPerDay: 1000,
  ruleRunsPerHour: 60,
  ruleBurstPerMinute: 10,
  maxChainDepth: 3,
};

/** Who a rule acts as, in post histories and on replies: the rule, never a person. */
export type RuleActor = { ruleId: string; runId: string; name: string };

/**
 * The replies engine's actions (docs/inbox.md): a reply draft written by the AI for a person to
 * approve, and a reply sent by a rule — which it refuses unless the workspace turned on disclosed
 * automation. Both carry the run, so the inbox item the reply becomes is known to be the rule's.
 */
export type ReplyActions = {
  draftReply: (input: {
    workspaceId: string;
    itemId: string;
    instructions: string;
    by: RuleActor;
  }) => Promise<{ replyId: string }>;
  sendReply: (input: {
    workspaceId: string;
    itemId: string;
    text: string;
    by: RuleActor;
  }) => Promise<{ replyId: string }>;
};

export type GenerateDraft = (input: {
  workspaceId: string;
  topic: string;
  accountIds: readonly string[];
  by: RuleActor;
}) => Promise<{ postId: string }>;

export type AutomationServices = {
  db: Database;
  keyring: Keyring;
  /** Plume's HTTP client with the SSRF guard (the one webhook deliveries use). */
  http: HttpClient;
  runtime: NetworkRuntime;
  limits: AutomationLimits;
  generateDraft?: GenerateDraft | undefined;
  replies?: ReplyActions | undefined;
  now?: () => Date;
};

/** What an action knows of its run: the rule, the run, the trigger and its data, the workspace's zone. */
export type RunContext = {
  workspaceId: string;
  zone: string;
  rule: { id: string; name: string; secretCiphertext: string };
  runId: string;
  trigger: string;
  data: Record<string, unknown>;
};
