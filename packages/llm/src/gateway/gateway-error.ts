import type { FallbackStep } from './gateway-store.ts';

export type GatewayErrorCode = 'budget_exceeded' | 'no_provider' | 'all_failed';

/** Why the gateway could not answer, with every candidate it considered and what happened to it. */
export class LlmGatewayError extends Error {
  readonly code: GatewayErrorCode;
  readonly chain: FallbackStep[];

  constructor(code: GatewayErrorCode, message: string, chain: FallbackStep[]) {
    super(message);
    this.name = 'LlmGatewayError';
    this.code = code;
    this.chain = chain;
  }
}

/**
 * One message for a call nothing could answer: what each candidate said, and what to do — start
 * Ollama, pull a model, or add a cloud key.
 */
export function describeFailure(chain: readonly FallbackStep[]): string {
  if (chain.length === 0) {
    return 'No model provider is set up. Start Ollama (`ollama serve`, then pull a model on the Models page) or add a cloud provider key on the Models page.';
  }
  const lines = chain.map(
    (step) =>
      `${step.provider}${step.model ? ` (${step.model})` : ''}: ${step.detail ?? step.outcome.replaceAll('_', ' ')}`,
  );
  const onlyLocal = chain.every((step) => step.provider === 'ollama' || step.outcome === 'not_configured');
  const hint = onlyLocal ? ' Start Ollama and pull a model, or add a cloud provider key on the Models page.' : '';
  return `No model could answer. ${lines.join('; ')}.${hint}`;
}
