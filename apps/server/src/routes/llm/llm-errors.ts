/**
 * The one place model failures become HTTP problems: the gateway's refusals (budget, no provider,
 * every candidate failed) and Ollama management's failures. The detail names each candidate tried
 * and what happened to it (never a key: the chain holds provider ids, model names and reasons).
 */
import type { FallbackStep } from '@plume/db/schema/llm';
import { AppError } from '@plume/errors/app-error';
import { LlmGatewayError } from '@plume/llm/gateway/gateway-error';
import { OllamaManagerError } from '@plume/llm/ollama/ollama-manager-error';

/** Outcomes that say the model (not the service) refused the request: trying again will not help. */
const REFUSALS = new Set(['content_filter', 'bad_request']);

function describeChain(chain: readonly FallbackStep[]): string {
  return chain
    .map(
      (step) =>
        `${step.provider}${step.model ? ` (${step.model})` : ''}: ${step.detail ?? step.outcome.replaceAll('_', ' ')}`,
    )
    .join('; ');
}

/** An AppError for a model failure, or the error itself when it is something else. */
export function toLlmAppError(error: unknown): unknown {
  if (error instanceof LlmGatewayError) {
    if (error.code === 'budget_exceeded') {
      const tried =
        error.chain.length > 0 && !error.message.includes(';') ? ` Candidates: ${describeChain(error.chain)}.` : '';
      return new AppError('llm_budget_exceeded', { detail: `${error.message}${tried}`, cause: error });
    }
    const last = error.chain.at(-1);
    if (error.code === 'all_failed' && last && REFUSALS.has(last.outcome))
      return new AppError('llm_refused', { detail: error.message, cause: error });
    return new AppError('llm_unavailable', { detail: error.message, cause: error });
  }
  if (error instanceof OllamaManagerError) {
    switch (error.kind) {
      case 'does_not_fit':
        return new AppError('model_does_not_fit', {
          detail: `${error.message} Send \`force: true\` to pull it anyway (a GPU may hold it).`,
          cause: error,
        });
      case 'not_installed':
      case 'unknown_model':
        return new AppError('not_found', { detail: error.message, cause: error });
      case 'cancelled':
        return new AppError('invalid_state', { detail: error.message, cause: error });
      default:
        return new AppError('llm_unavailable', { detail: error.message, cause: error });
    }
  }
  return error;
}

/** Runs `work`, turning model failures into problems. @example return withLlmErrors(() => gateway.generate(request)) */
export async function withLlmErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toLlmAppError(error);
  }
}
