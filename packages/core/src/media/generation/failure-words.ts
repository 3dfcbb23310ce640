/** A failed call in plain words for the job's `error` (what the studio shows under the job). */
import { LlmGatewayError } from '@plume/llm/gateway/gateway-error';
import { LlmProviderError } from '@plume/llm/provider-contract';

export function failureWords(error: unknown, what: string): string {
  if (error instanceof LlmGatewayError) {
    if (error.code === 'budget_exceeded')
      return `The workspace's budget is reached, so no ${what} was made. ${error.message}`;
    const refusal = error.chain.find((step) => step.outcome === 'content_filter');
    if (refusal !== undefined)
      return `The provider refused to make this ${what} (its content policy)${refusal.detail ? `: ${refusal.detail}` : '.'}`;
    if (error.code === 'no_provider')
      return `No ${what} provider is set up: add one on the Models page. ${error.message}`;
    return error.message;
  }
  if (error instanceof LlmProviderError && error.kind === 'content_filter')
    return `The provider refused to make this ${what} (its content policy): ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
