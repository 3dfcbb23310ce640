/**
 * The `call_webhook` action: POSTs `{ type: 'automation.rule_fired', timestamp, data }` to the rule's
 * URL, signed per Standard Webhooks with the rule's own secret (like outgoing webhooks,
 * docs/webhooks.md), through Plume's HTTP client with the SSRF guard on every connection, no
 * redirects and the webhooks' 15 s limit. One attempt: a 2xx is done, anything else fails the action.
 */
import { describeUnreachable } from '@plume/http/describe-failure';
import { readTextPrefix } from '@plume/http/response-body';
import { WEBHOOK_TIMEOUT_MS } from '../webhooks/deliver-webhook.ts';
import { newMessageId } from '../webhooks/emit-webhook-event.ts';
import { webhookHeaders } from '../webhooks/webhook-signature.ts';
import type { AutomationServices, RunContext } from './automation-services.ts';

export async function callRuleWebhook(
  services: Pick<AutomationServices, 'http' | 'keyring'>,
  context: RunContext,
  url: string,
): Promise<{ output: string; refs: Record<string, string> }> {
  const id = newMessageId();
  const body = JSON.stringify({
    type: 'automation.rule_fired',
    timestamp: new Date().toISOString(),
    data: {
      workspaceId: context.workspaceId,
      ruleId: context.rule.id,
      ruleName: context.rule.name,
      runId: context.runId,
      trigger: context.trigger,
      event: context.data,
    },
  });
  const secret = services.keyring.decrypt(context.rule.secretCiphertext);
  let response: Response;
  try {
    response = await services.http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...webhookHeaders({ secrets: [secret], id, body }) },
      body,
      redirect: 'manual',
      retries: 0,
      timeoutMs: WEBHOOK_TIMEOUT_MS,
    });
  } catch (error) {
    const unreachable = describeUnreachable(error);
    throw new Error(
      unreachable === undefined
        ? `No answer: ${error instanceof Error ? error.message : String(error)}`
        : `No answer from ${unreachable.host}: ${unreachable.reason}.`,
      { cause: error },
    );
  }
  const excerpt = await readTextPrefix(response, 200);
  if (response.status < 200 || response.status > 299)
    throw new Error(`The webhook answered ${response.status}: ${excerpt || 'no body'}`);
  return { output: `Called the webhook: it answered ${response.status}.`, refs: { messageId: id } };
}
