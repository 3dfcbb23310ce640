/** Which API a model provider speaks (`openai_compatible` covers vLLM, LM Studio, LocalAI). */
export const PROVIDER_KINDS = ['ollama', 'openai', 'anthropic', 'groq', 'perplexity', 'meta', 'openai_compatible'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** What a model call is for; policies and statistics are kept per task. */
export const LLM_TASKS = ['caption', 'thread', 'hashtags', 'rewrite', 'plan', 'analysis', 'reply', 'coach', 'voice_intent', 'voice_match', 'research'] as const;
export type LlmTask = (typeof LLM_TASKS)[number];

export const ROUTING_MODES = ['local_first', 'fastest', 'cheapest', 'best_quality'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

/** `GET …/llm/providers?check=true` → health: whether the provider answered, and why not. */
export interface ProviderHealth {
  ok: boolean;
  latencyMs: number;
  reason?: string;
  models?: number;
}

/** One provider the workspace can route to: configured by the operator (instance) or saved here. */
export interface ProviderStatus {
  providerId: string;
  kind: ProviderKind;
  baseUrl: string | null;
  hasKey: boolean;
  source: 'instance' | 'workspace';
  enabled: boolean;
  circuit: { state: 'closed' | 'open' | 'half_open'; failures: number; retryAt: string | null };
  health?: ProviderHealth;
}

/** `PUT …/llm/providers/:providerId`: an absent `apiKey` keeps the stored key. */
export interface SaveProviderBody {
  kind: ProviderKind;
  baseUrl?: string | null;
  apiKey?: string | null;
  enabled?: boolean;
}

export interface Candidate {
  provider: string;
  model: string;
}

export interface PolicyView {
  task: LlmTask;
  mode: RoutingMode;
  candidates: Candidate[];
  isDefault: boolean;
}

export interface BudgetSettings {
  dailyLimitUsd: number | null;
  monthlyLimitUsd: number | null;
  dailyRequestLimit: number | null;
  monthlyRequestLimit: number | null;
  degradeAtPercent: number;
}

export interface BudgetView extends BudgetSettings {
  today: { costUsd: number; requests: number };
  thisMonth: { costUsd: number; requests: number };
  degraded: boolean;
}

/** One row of `GET …/llm/usage-statistics`: a provider, model and task over the period. */
export interface UsageRow {
  provider: string;
  model: string;
  task: string;
  calls: number;
  successRate: number;
  p50LatencyMs: number | null;
  costPer1kTokensUsd: number | null;
  totalCostUsd: number;
  avgQuality: number | null;
}

export interface CostGroup {
  key: string;
  calls: number;
  costUsd: number;
  failures: number;
}

export interface CostAnalysis {
  from: string;
  to: string;
  items: CostGroup[];
  totals: Omit<CostGroup, 'key'>;
}

/** `GET /ollama/version`: where Plume looks for Ollama and whether it answered. */
export interface OllamaVersion {
  url: string;
  running: boolean;
  version: string | null;
  reason: string | null;
}

export interface InstalledModel {
  name: string;
  sizeBytes: number;
  family: string;
  parameterSize: string;
  quantization: string;
  running: boolean;
}

export type PullStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A model download as `GET /ollama/pulls/:pullId` shows it. */
export interface PullView {
  pullId: string;
  model: string;
  status: PullStatus;
  percent: number;
  step: string;
  error: { kind: string; message: string } | null;
}
