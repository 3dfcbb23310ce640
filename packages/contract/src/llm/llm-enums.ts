/** The language-model words the API speaks: what a call is for, which API a provider speaks, how routing orders candidates. */

/** What a model call is for; policies, budgets and statistics are kept per task. */
export const LLM_TASKS = [
  'caption',
  'thread',
  'hashtags',
  'rewrite',
  'plan',
  'analysis',
  'reply',
  'coach',
  'voice_intent',
  'voice_match',
  'research',
  'alt_text',
] as const;
export type LlmTask = (typeof LLM_TASKS)[number];

/** Which API a provider speaks; `openai_compatible` covers vLLM, LM Studio, LocalAI. */
export const PROVIDER_KINDS = [
  'ollama',
  'openai',
  'anthropic',
  'groq',
  'perplexity',
  'meta',
  'openai_compatible',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const ROUTING_MODES = ['local_first', 'fastest', 'cheapest', 'best_quality'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

/** How the cost analysis groups spend. */
export const COST_GROUPINGS = ['day', 'provider', 'model', 'task'] as const;
export type CostGrouping = (typeof COST_GROUPINGS)[number];

export const CIRCUIT_STATES = ['closed', 'open', 'half_open'] as const;
export type CircuitState = (typeof CIRCUIT_STATES)[number];
