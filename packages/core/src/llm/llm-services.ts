/**
 * The long-lived pieces of the LLM gateway, built once per process from configuration: the provider
 * directory (instance providers + workspaces' own), the gateway with its circuit breakers, and the
 * HTTP clients they use. Ollama's host is let past the SSRF guard because the operator configured it.
 */
import type { PlumeConfig } from '@plume/config/load-config';
import type { Database } from '@plume/db/client';
import { createHttpClient, type HttpClient } from '@plume/http/http-client';
import type { HttpLogger } from '@plume/http/types';
import { createLlmGateway, type BudgetAlert, type LlmGateway } from '@plume/llm/gateway/gateway';
import { createProviderDirectory, type ProviderDirectory } from '@plume/llm/gateway/provider-directory';
import { createMediaServices, type MediaServices } from '../media/media-services.ts';
import { secretKeyMissing, type Keyring } from '../secrets/keyring.ts';
import { createGatewayStore } from './gateway-store.ts';
import { readModelStats } from './model-stats.ts';
import { readStoredPolicy } from './manage-llm-settings.ts';

/** `workspaceHttp` is the SSRF-guarded client for servers a workspace names (used to test a not-yet-saved provider). */
export type LlmServices = {
  gateway: LlmGateway;
  directory: ProviderDirectory;
  instanceHttp: HttpClient;
  workspaceHttp: HttpClient;
  ollamaUrl: string;
  /** The media gateway (images, video, speech) and its providers: same budget, ledger and policies. */
  media: MediaServices;
};

/** Statistics are re-read at most this often per workspace for the `fastest` and `best_quality` modes. */
const STATS_TTL_MS = 60_000;
const STATS_WINDOW_MS = 30 * 86_400_000;

export function createLlmServices(input: {
  config: PlumeConfig;
  db: Database;
  keyring: Keyring;
  logger?: HttpLogger;
  onBudgetAlert?: (alert: BudgetAlert) => Promise<void>;
}): LlmServices {
  const { config, db } = input;
  const ollamaHost = new URL(config.OLLAMA_URL).hostname;
  const common = {
    userAgent: 'Plume/0.1 (+https://github.com/plume-social/plume)',
    retries: 0,
    ...(input.logger === undefined ? {} : { logger: input.logger }),
  };
  const instanceHttp = createHttpClient({
    ...common,
    allowPrivateHosts: [...config.HTTP_ALLOW_PRIVATE_HOSTS, ollamaHost],
  });
  const workspaceHttp = createHttpClient({ ...common, allowPrivateHosts: config.HTTP_ALLOW_PRIVATE_HOSTS });
  const store = createGatewayStore(db);
  const directory = createProviderDirectory({
    store,
    decrypt: (ciphertext) => decryptProviderKey(input.keyring, ciphertext),
    instance: {
      ollamaUrl: config.OLLAMA_URL,
      keys: {
        ...(config.OPENAI_API_KEY ? { openai: config.OPENAI_API_KEY } : {}),
        ...(config.ANTHROPIC_API_KEY ? { anthropic: config.ANTHROPIC_API_KEY } : {}),
        ...(config.GROQ_API_KEY ? { groq: config.GROQ_API_KEY } : {}),
        ...(config.PERPLEXITY_API_KEY ? { perplexity: config.PERPLEXITY_API_KEY } : {}),
        ...(config.LLAMA_API_KEY ? { meta: config.LLAMA_API_KEY } : {}),
      },
    },
    instanceHttp,
    workspaceHttp,
  });
  const statsMemo = new Map<
    string,
    {
      at: number;
      lookup: (candidate: {
        provider: string;
        model: string;
      }) => { p50LatencyMs: number | null; avgQuality: number | null; calls: number } | undefined;
    }
  >();
  const gateway = createLlmGateway({
    store,
    providers: (workspaceId) => directory.list(workspaceId),
    policy: (workspaceId, task) => readStoredPolicy(db, workspaceId, task),
    async stats(workspaceId) {
      const memo = statsMemo.get(workspaceId);
      if (memo && Date.now() - memo.at < STATS_TTL_MS) return memo.lookup;
      const rows = await readModelStats(db, { workspaceId, since: new Date(Date.now() - STATS_WINDOW_MS) });
      // Across tasks: a model's speed and quality on one task is the best guess for another.
      const byModel = new Map<string, { latency: number[]; quality: number[]; calls: number }>();
      for (const row of rows) {
        const key = `${row.provider} ${row.model}`;
        const item = byModel.get(key) ?? { latency: [], quality: [], calls: 0 };
        if (row.p50LatencyMs !== null) item.latency.push(row.p50LatencyMs);
        if (row.avgQuality !== null) item.quality.push(row.avgQuality);
        item.calls += row.calls;
        byModel.set(key, item);
      }
      const average = (values: number[]) =>
        values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
      const lookup = (candidate: { provider: string; model: string }) => {
        const item = byModel.get(`${candidate.provider} ${candidate.model}`);
        return item === undefined
          ? undefined
          : { p50LatencyMs: average(item.latency), avgQuality: average(item.quality), calls: item.calls };
      };
      statsMemo.set(workspaceId, { at: Date.now(), lookup });
      return lookup;
    },
    cacheTtlSeconds: config.LLM_CACHE_TTL_SECONDS,
    ...(input.onBudgetAlert === undefined ? {} : { onBudgetAlert: input.onBudgetAlert }),
  });
  const media = createMediaServices({
    config,
    db,
    store,
    decrypt: (ciphertext) => decryptProviderKey(input.keyring, ciphertext),
    logger: input.logger,
    onBudgetAlert: input.onBudgetAlert,
  });
  return { gateway, directory, instanceHttp, workspaceHttp, ollamaUrl: config.OLLAMA_URL, media };
}

/** A workspace provider's API key; one this server cannot read is a typed error that says what to do. */
export function decryptProviderKey(keyring: Keyring, ciphertext: string): string {
  const missing = keyring.missingKeyOf(ciphertext);
  if (missing !== null)
    throw secretKeyMissing(
      missing,
      'The API key saved for this provider',
      'Enter the API key again on the Models page',
    );
  return keyring.decrypt(ciphertext);
}
