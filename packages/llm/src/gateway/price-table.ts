import { LOCAL_PROVIDER_KINDS, type ProviderKind } from '../provider-contract.ts';

/** US dollars per million tokens. */
export type ModelPrice = { inputPerMTok: number; outputPerMTok: number; perRequest?: number };

/**
 * The versioned price table. Cost in the ledger names the version it was computed with, so a price
 * change never rewrites history. Update: add entries, bump `version`, keep the source list current.
 * Model names match exactly or by prefix at a `-`/`:` boundary (`gpt-4o-mini-2024-07-18` → `gpt-4o-mini`).
 */
export const PRICE_TABLE = {
  version: '2025-10',
  sources: [
    'https://openai.com/api/pricing/',
    'https://www.anthropic.com/pricing#api',
    'https://groq.com/pricing/',
    'https://docs.perplexity.ai/guides/pricing',
  ],
  prices: {
    openai: {
      'gpt-5': { inputPerMTok: 1.25, outputPerMTok: 10 },
      'gpt-5-mini': { inputPerMTok: 0.25, outputPerMTok: 2 },
      'gpt-5-nano': { inputPerMTok: 0.05, outputPerMTok: 0.4 },
      'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
      'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
      'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
      'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
      'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
      'o4-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
    },
    anthropic: {
      'claude-opus-4': { inputPerMTok: 15, outputPerMTok: 75 },
      'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15 },
      'claude-haiku-4-5': { inputPerMTok: 1, outputPerMTok: 5 },
      'claude-3-7-sonnet': { inputPerMTok: 3, outputPerMTok: 15 },
      'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4 },
    },
    groq: {
      'llama-3.1-8b-instant': { inputPerMTok: 0.05, outputPerMTok: 0.08 },
      'llama-3.3-70b-versatile': { inputPerMTok: 0.59, outputPerMTok: 0.79 },
    },
    perplexity: {
      sonar: { inputPerMTok: 1, outputPerMTok: 1, perRequest: 0.005 },
      'sonar-pro': { inputPerMTok: 3, outputPerMTok: 15, perRequest: 0.006 },
    },
    meta: {},
  } satisfies Record<Exclude<ProviderKind, 'ollama' | 'openai_compatible'>, Record<string, ModelPrice>>,
} as const;

/**
 * What a cloud model with no entry is assumed to cost, for budgets: the dearest common tier, so an
 * unknown model can never slip under a cap. Its ledger rows say `unpriced` instead of a version.
 */
export const UNKNOWN_MODEL_PRICE: ModelPrice = { inputPerMTok: 15, outputPerMTok: 75 };

/** `version` is the table's version, `unpriced` (unknown cloud model) or `local`. */
export type PriceLookup = { price: ModelPrice; version: string };

/** The price of a model; local providers (Ollama, self-hosted OpenAI-compatible servers) cost nothing. */
export function priceOf(kind: ProviderKind, model: string): PriceLookup {
  if (LOCAL_PROVIDER_KINDS.includes(kind)) return { price: { inputPerMTok: 0, outputPerMTok: 0 }, version: 'local' };
  const table: Record<string, ModelPrice> = PRICE_TABLE.prices[kind as keyof typeof PRICE_TABLE.prices] ?? {};
  const name = model.toLowerCase();
  let best: { key: string; price: ModelPrice } | undefined;
  for (const [key, price] of Object.entries(table)) {
    const matches = name === key || [`${key}-`, `${key}:`, `${key}@`].some((prefix) => name.startsWith(prefix));
    if (matches && (best === undefined || key.length > best.key.length)) best = { key, price };
  }
  return best
    ? { price: best.price, version: PRICE_TABLE.version }
    : { price: UNKNOWN_MODEL_PRICE, version: 'unpriced' };
}

/** Cost in micro-dollars, rounded up so many small calls never add up to less than they cost. */
export function costMicros(price: ModelPrice, tokens: { inputTokens: number; outputTokens: number }): number {
  const dollars =
    (tokens.inputTokens * price.inputPerMTok + tokens.outputTokens * price.outputPerMTok) / 1_000_000 +
    (price.perRequest ?? 0);
  return Math.ceil(dollars * 1_000_000);
}
