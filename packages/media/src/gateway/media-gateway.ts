/**
 * The media gateway: every image, video and speech call in Plume goes through it, with the text
 * gateway's rules and pieces (`@plume/llm/gateway/attempt`, budgets, breakers, the policy table, the
 * ledger). Candidates come from the task's routing policy (local first by default), only providers
 * whose capabilities can make the call are asked, the budget is checked before each paid call with the
 * price table's estimate, failures a next candidate can fix fall through to it, a refusal
 * (`content_filter`) is final, and every call writes one `llm_usage` row with its cost and chain.
 */
import type { MediaTask } from '@plume/contract/media/media-enums';
import { gateCandidate, noteFailure, writeLedger, type BudgetAlert } from '@plume/llm/gateway/attempt';
import { requestCapReached, shouldDegrade, type BudgetLimits } from '@plume/llm/gateway/budget';
import { createCircuitBreakers, type CircuitBreakers } from '@plume/llm/gateway/circuit-breaker';
import { LlmGatewayError, type GatewayErrorCode } from '@plume/llm/gateway/gateway-error';
import type { FallbackStep, GatewayStore } from '@plume/llm/gateway/gateway-store';
import { imageShapeOf, mediaCostMicros, mediaPriceOf, type MediaAmount } from '@plume/llm/gateway/media-price-table';
import { createPolicyMemo } from '@plume/llm/gateway/policy-memo';
import type { RoutingPolicy } from '@plume/llm/gateway/routing';
import type { ImageRequest, MediaCallFacts, MediaGateway, SpeechRequest, VideoRequest } from './media-gateway-types.ts';
import {
  createMediaModelCache,
  defaultMediaPolicy,
  orderMediaCandidates,
  resolveMediaCandidates,
  taskWords,
  type MediaCandidate,
  type MediaProviderEntry,
} from './media-routing.ts';

export interface MediaGatewayDeps {
  /** Budgets, spend and ledger: the text gateway's store (`core/llm/gateway-store.ts`); media answers are never cached. */
  store: Pick<GatewayStore, 'readBudgetAndCache' | 'recordUsage' | 'claimAlert'>;
  /** The media providers a workspace can reach: the instance's and its own. */
  providers(workspaceId: string): Promise<MediaProviderEntry[]>;
  /** The workspace's stored policy for a media task, or null for the built-in default. */
  policy?(workspaceId: string, task: MediaTask): Promise<RoutingPolicy | null>;
  /** How long a stored policy is remembered (default 2 s; 0: read on every call). */
  policyTtlMs?: number;
  onBudgetAlert?(alert: BudgetAlert): Promise<void>;
  /** Media providers have their own breakers: images failing says nothing about chat. */
  breakers?: CircuitBreakers;
  now?: () => Date;
}

type AnyRequest = ImageRequest | VideoRequest | SpeechRequest;

/** How one task is estimated, called and priced. */
type TaskSpec<Answer> = {
  task: MediaTask;
  request: AnyRequest;
  /** What the call is expected to make, for the budget estimate. */
  expected: MediaAmount;
  call(candidate: MediaCandidate): Promise<Answer>;
  /** What it made, for the cost. */
  made(answer: Answer): MediaAmount;
  answeredBy(answer: Answer): { model: string; latencyMs: number };
};

export type MediaGatewayService = MediaGateway & {
  breakers: CircuitBreakers;
  forgetPolicy(workspaceId: string): void;
};

export function createMediaGateway(deps: MediaGatewayDeps): MediaGatewayService {
  const breakers = deps.breakers ?? createCircuitBreakers();
  const listModels = createMediaModelCache();
  const now = deps.now ?? (() => new Date());
  const policies = createPolicyMemo<MediaTask>(deps.policy?.bind(deps), deps.policyTtlMs, () => now().getTime());

  async function run<Answer>(spec: TaskSpec<Answer>): Promise<MediaCallFacts & { answer: Answer }> {
    const { request, task } = spec;
    const startedAt = now();
    const entries = await deps.providers(request.workspaceId);
    const policy =
      request.policy ?? (await policies.read(request.workspaceId, task)) ?? defaultMediaPolicy(task, entries);
    const chain: FallbackStep[] = [];
    const { callable, unresolved } = await resolveMediaCandidates(task, policy.candidates, entries, listModels);
    for (const item of unresolved)
      chain.push({ provider: item.provider, model: item.model, outcome: item.outcome, detail: item.detail });
    const { budget } = await deps.store.readBudgetAndCache(request.workspaceId, [], startedAt);
    const base = { workspaceId: request.workspaceId, userId: request.userId ?? null, task };
    const ledger = (
      fields: { provider: string; model: string; latencyMs: number; costMicros: number; outcome: string },
      extra: { priceVersion?: string; countsAsRequest: boolean },
      limits: BudgetLimits | null,
    ) =>
      writeLedger(
        deps,
        { ...base, ...fields, ...extra, inputTokens: 0, outputTokens: 0, cacheHit: false, fallbackChain: chain },
        startedAt,
        limits,
      );
    const refuse = async (code: GatewayErrorCode, message: string, countsAsRequest: boolean): Promise<never> => {
      const outcome = code === 'budget_exceeded' ? code : (chain.at(-1)?.outcome ?? code);
      const latencyMs = now().getTime() - startedAt.getTime();
      await ledger({ provider: '', model: '', latencyMs, costMicros: 0, outcome }, { countsAsRequest }, null);
      throw new LlmGatewayError(code, message, chain);
    };

    const estimate = (candidate: MediaCandidate) =>
      mediaCostMicros(mediaPriceOf(candidate.kind, candidate.model), spec.expected);
    const mode = shouldDegrade(budget) ? 'cheapest' : policy.mode;
    const ordered = orderMediaCandidates(mode, callable, estimate);
    const capReached = requestCapReached(budget);
    if (capReached) return refuse('budget_exceeded', `Nothing was generated: ${capReached}.`, false);

    let asked = false;
    let budgetBlocked = false;
    for (const candidate of ordered) {
      const { breakerKey } = candidate.entry;
      const skipped = gateCandidate({ candidate, breakerKey, estimateMicros: estimate(candidate), budget, breakers });
      if (skipped) {
        budgetBlocked ||= skipped.outcome === 'budget_skipped';
        chain.push(skipped);
        continue;
      }
      asked = true;
      try {
        const answer = await spec.call(candidate);
        breakers.recordSuccess(breakerKey);
        const price = mediaPriceOf(candidate.kind, candidate.model);
        const costMicros = mediaCostMicros(price, spec.made(answer));
        const { model, latencyMs } = spec.answeredBy(answer);
        chain.push({ provider: candidate.provider, model: candidate.model, outcome: 'ok' });
        const answered = { provider: candidate.provider, model: model || candidate.model, latencyMs, costMicros };
        const usageId = await ledger(
          { ...answered, outcome: 'ok' },
          { priceVersion: price.version, countsAsRequest: true },
          budget.limits,
        );
        return { ...answered, priceVersion: price.version, chain, usageId, answer };
      } catch (error) {
        const failure = noteFailure(error, { providerId: candidate.provider, breakerKey, breakers });
        chain.push({
          provider: candidate.provider,
          model: candidate.model,
          outcome: failure.kind,
          detail: failure.message,
        });
        // A refusal is an answer, not an outage: never retried elsewhere (nor is our own bad request).
        if (!failure.fallback) return refuse('all_failed', failure.message, true);
      }
    }
    if (!asked && budgetBlocked)
      return refuse(
        'budget_exceeded',
        `Nothing was generated: every provider that makes ${taskWords[task]} would go over the budget and no local one could. Raise the budget or set up a local server.`,
        false,
      );
    const code = ordered.length === 0 && !asked ? 'no_provider' : 'all_failed';
    return refuse(code, describeMediaFailure(task, chain), asked);
  }

  return {
    breakers,
    forgetPolicy: (workspaceId) => policies.forget(workspaceId),
    async generateImages(request) {
      const { call } = request;
      const shape = imageShapeOf(call.width, call.height);
      const { answer, ...facts } = await run({
        task: 'image',
        request,
        expected: { task: 'image', images: call.count, shape },
        call: (candidate) => providerCall(candidate, 'generateImages')({ ...call, model: candidate.model }),
        made: (made) => ({ task: 'image', images: made.images.length, shape }),
        answeredBy: (made) => made,
      });
      return { ...facts, images: answer.images };
    },
    async generateVideo(request) {
      const { call } = request;
      const { answer, ...facts } = await run({
        task: 'video',
        request,
        expected: { task: 'video', seconds: call.durationSec },
        call: (candidate) => providerCall(candidate, 'generateVideo')({ ...call, model: candidate.model }),
        made: (made) => ({ task: 'video', seconds: made.durationSec ?? call.durationSec }),
        answeredBy: (made) => made,
      });
      return { ...facts, video: answer.video };
    },
    async synthesizeSpeech(request) {
      const { call } = request;
      const amount: MediaAmount = { task: 'speech', characters: call.text.length };
      const { answer, ...facts } = await run({
        task: 'speech',
        request,
        expected: amount,
        call: (candidate) => providerCall(candidate, 'synthesizeSpeech')({ ...call, model: candidate.model }),
        made: () => amount,
        answeredBy: (made) => made,
      });
      return { ...facts, audio: answer.audio };
    },
  };
}

type Method = 'generateImages' | 'generateVideo' | 'synthesizeSpeech';

/** The adapter's method, bound; a provider whose capabilities claim a task it has no method for is a bug we report plainly. */
function providerCall<M extends Method>(
  candidate: MediaCandidate,
  method: M,
): NonNullable<MediaCandidate['entry']['provider'][M]> {
  const { provider } = candidate.entry;
  const fn = provider[method];
  if (fn === undefined) throw new Error(`${provider.id} says it can do ${method} but has no such method`);
  return fn.bind(provider) as NonNullable<MediaCandidate['entry']['provider'][M]>;
}

/** One message for a call nothing could make: what each candidate said, and what to set up. */
export function describeMediaFailure(task: MediaTask, chain: readonly FallbackStep[]): string {
  const hint =
    task === 'speech'
      ? 'Install espeak-ng, set SPEECH_URL to a local speech server, or add an OpenAI key on the Models page.'
      : `Set up a local server (${task === 'image' ? 'AUTOMATIC1111, ComfyUI or an OpenAI-compatible one' : 'none makes video yet'}) or add a cloud key on the Models page.`;
  if (chain.length === 0) return `No provider that makes ${taskWords[task]} is set up. ${hint}`;
  const lines = chain.map(
    (step) =>
      `${step.provider}${step.model ? ` (${step.model})` : ''}: ${step.detail ?? step.outcome.replaceAll('_', ' ')}`,
  );
  return `No provider could make ${taskWords[task]}. ${lines.join('; ')}.`;
}
