/**
 * A model call as a run step: the prompt goes through the gateway (routing, budget, ledger), the
 * answer's JSON object is validated with the step's schema. A malformed answer is still a paid call,
 * so it is stored as the step's result; then the model is asked once more, with the validation error,
 * as a step of its own. Two malformed answers fail the step with the error in plain words.
 */
import { z } from 'zod';
import { estimateTokens, type RoutingPolicy } from '@plume/llm/gateway/routing';
import { runInputSchema } from './run-input.ts';
import type { GenerateResult } from '@plume/llm/gateway/gateway';
import type { LlmTask } from '@plume/llm/provider-contract';
import { extractJsonObject } from '../content/extract-json.ts';
import { AgentStepError, type RunContext } from './runner.ts';
import { noteStepError, type StepUsage } from './run-store.ts';

export type ModelPrompt = { system: string; user: string; maxOutputTokens: number };

export type ModelStepSpec<T> = {
  key: string;
  /** Plain words for errors: "the strategy proposal". */
  what: string;
  task: LlmTask;
  prompt: ModelPrompt;
  schema: z.ZodType<T>;
};

/** A stored attempt: the validated value, or the reason the answer was not usable. */
const attemptSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string(), reply: z.string() }),
]);
type Attempt = z.infer<typeof attemptSchema>;

/** How much of a bad answer is kept with the step (and shown back to the model on the retry). */
const KEPT_REPLY_CHARS = 600;

/** Checks a reply against the schema; the error names each bad field. */
export function readAnswer<T>(
  reply: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; error: string } {
  const found = extractJsonObject(reply);
  if (!found.ok) return { ok: false, error: found.message };
  const parsed = schema.safeParse(found.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues
    .slice(0, 6)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  return { ok: false, error: problems.join('; ') };
}

function usageOf(prompt: ModelPrompt, answer: GenerateResult): StepUsage {
  return {
    provider: answer.provider,
    model: answer.model,
    promptChars: prompt.system.length + prompt.user.length,
    promptTokens: answer.inputTokens,
    completionTokens: answer.outputTokens,
    costMicros: answer.costMicros,
  };
}

async function attempt<T>(context: RunContext, spec: ModelStepSpec<T>, key: string, prompt: ModelPrompt) {
  return context.step(key, attemptSchema, async () => {
    const answer = await context.gateway.generate({
      workspaceId: context.run.workspaceId,
      userId: context.run.requestedBy,
      task: spec.task,
      call: {
        system: prompt.system,
        messages: [{ role: 'user', content: prompt.user }],
        maxOutputTokens: prompt.maxOutputTokens,
        responseFormat: 'json',
        temperature: 0.4,
      },
      ...localPolicyOf(context.run.input),
    });
    const read = readAnswer(answer.text, spec.schema);
    const result: Attempt = read.ok
      ? { ok: true, value: read.value }
      : { ok: false, error: read.error, reply: answer.text.slice(0, KEPT_REPLY_CHARS) };
    return { result, usage: usageOf(prompt, answer) };
  });
}

/** The retry's prompt: the same request, the bad answer, and what was wrong with it. */
export function retryPrompt(prompt: ModelPrompt, failed: { error: string; reply: string }): ModelPrompt {
  return {
    ...prompt,
    user: `${prompt.user}\n\nYour previous answer was not valid: ${failed.error}.\nPrevious answer (cut): ${failed.reply.slice(0, 300)}\nAnswer again with one JSON object that follows the format exactly.`,
  };
}

export async function modelStep<T>(context: RunContext, spec: ModelStepSpec<T>): Promise<T> {
  const first = await attempt(context, spec, spec.key, spec.prompt);
  if (first.ok) return spec.schema.parse(first.value);
  const note = { runId: context.run.id };
  await noteStepError(context.db, {
    ...note,
    key: spec.key,
    error: `Answer not usable: ${first.error}`,
    failed: false,
  });
  const retryKey = `${spec.key}:retry`;
  const second = await attempt(context, spec, retryKey, retryPrompt(spec.prompt, first));
  if (second.ok) return spec.schema.parse(second.value);
  await noteStepError(context.db, {
    ...note,
    key: retryKey,
    error: `Answer not usable: ${second.error}`,
    failed: true,
  });
  throw new AgentStepError(
    `The model's answer for ${spec.what} was not usable twice (asked again with the error once): ${second.error.replace(/\.$/, '')}.`,
  );
}

/** Prompt size in tokens as the gateway estimates it (4 characters a token). */
export function promptTokensOf(prompt: ModelPrompt): number {
  return estimateTokens(`${prompt.system}\n${prompt.user}`);
}

/** A run the budget could not pay for asks only the local models found at its start. */
function localPolicyOf(input: unknown): { policy?: RoutingPolicy } {
  const parsed = runInputSchema.shape.localCandidates.safeParse(
    (input as { localCandidates?: unknown }).localCandidates,
  );
  return parsed.success && parsed.data !== null && parsed.data.length > 0
    ? { policy: { mode: 'local_first', candidates: parsed.data } }
    : {};
}
