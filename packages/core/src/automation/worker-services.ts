/** The automation services a worker runs rules with, from its configuration and services. */
import type { PlumeConfig } from '@plume/config/load-config';
import type { Database } from '@plume/db/client';
import type { LlmServices } from '../llm/llm-services.ts';
import type { PublishingServices } from '../publishing/publishing-services.ts';
import type { Keyring } from '../secrets/keyring.ts';
import type { AutomationLimits, AutomationServices, ReplyActions } from './automation-services.ts';
import { contentStudioDrafts } from './content-draft.ts';
import { inboxReplyActions } from './reply-actions.ts';

export function automationLimitsOf(config: PlumeConfig): AutomationLimits {
  return {
    runsPerHour: config.AUTOMATION_RUNS_PER_HOUR,
    actionsPerDay: config.AUTOMATION_ACTIONS_PER_DAY,
    ruleRunsPerHour: config.AUTOMATION_RULE_RUNS_PER_HOUR,
    ruleBurstPerMinute: config.AUTOMATION_RULE_BURST_PER_MINUTE,
    maxChainDepth: config.AUTOMATION_MAX_CHAIN_DEPTH,
  };
}

export function automationServices(input: {
  config: PlumeConfig;
  db: Database;
  keyring: Keyring;
  publishing: Pick<PublishingServices, 'http' | 'runtime'>;
  llm?: LlmServices | undefined;
  /** The replies engine's actions; the inbox's own (reply-actions.ts) unless a test passes others. */
  replies?: ReplyActions | undefined;
}): AutomationServices {
  const { db, publishing } = input;
  return {
    db,
    keyring: input.keyring,
    http: publishing.http,
    runtime: publishing.runtime,
    limits: automationLimitsOf(input.config),
    generateDraft:
      input.llm === undefined
        ? undefined
        : contentStudioDrafts({ db, runtime: publishing.runtime, gateway: input.llm.gateway }),
    replies: input.replies ?? inboxReplyActions({ db, runtime: publishing.runtime, gateway: input.llm?.gateway }),
  };
}
