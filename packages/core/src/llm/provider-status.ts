/**
 * What the Models page shows about providers: every provider a workspace can reach (the instance's
 * and its own), its circuit breaker, and — only when asked — a live health check. Also "test
 * connection" for a saved provider or a configuration not saved yet. Keys never leave this module.
 */
import type { Database } from '@plume/db/client';
import type { BreakerState } from '@plume/llm/gateway/circuit-breaker';
import { createProvider } from '@plume/llm/providers/create-provider';
import type { LlmProvider, ProviderHealth, ProviderKind } from '@plume/llm/provider-contract';
import { AppError } from '@plume/errors/app-error';
import { isSecretKeyMissing, type Keyring } from '../secrets/keyring.ts';
import { decryptProviderKey, type LlmServices } from './llm-services.ts';
import { listWorkspaceProviders } from './manage-llm-providers.ts';
import { readWorkspaceProviderSettings } from './read-provider-settings.ts';

export type ProviderStatus = {
  providerId: string;
  kind: ProviderKind;
  baseUrl: string | null;
  hasKey: boolean;
  source: 'instance' | 'workspace';
  enabled: boolean;
  circuit: { state: BreakerState; failures: number; retryAt: string | null };
  health?: ProviderHealth;
};

/** A health check gets this long before it counts as failed (the page waits for all of them). */
export const HEALTH_TIMEOUT_MS = 5000;

/** Every provider the workspace can reach; a workspace's own provider hides the instance's of the same id. */
export async function listProviderStatus(
  deps: { db: Database; llm: LlmServices },
  input: { workspaceId: string; check: boolean },
): Promise<ProviderStatus[]> {
  const { llm } = deps;
  const [own, reachable] = await Promise.all([
    listWorkspaceProviders(deps.db, input.workspaceId),
    llm.directory.list(input.workspaceId),
  ]);
  const shadowed = new Set(own.filter((row) => row.enabled).map((row) => row.providerId));
  const circuitOf = (breakerKey: string) => {
    const view = llm.gateway.breakers.view(breakerKey);
    return {
      state: view.state,
      failures: view.failures,
      retryAt: view.retryAt === null ? null : new Date(view.retryAt).toISOString(),
    };
  };
  const items: Array<ProviderStatus & { provider?: LlmProvider }> = [];
  for (const entry of llm.directory.instance()) {
    if (shadowed.has(entry.id)) continue;
    const isOllama = entry.kind === 'ollama';
    items.push({
      providerId: entry.id,
      kind: entry.kind,
      baseUrl: isOllama ? llm.ollamaUrl : null,
      hasKey: !isOllama,
      source: 'instance',
      enabled: true,
      circuit: circuitOf(entry.breakerKey),
      provider: entry.provider,
    });
  }
  for (const row of own) {
    const breakerKey = `workspace:${input.workspaceId}:${row.providerId}`;
    const entry = reachable.find((item) => item.breakerKey === breakerKey);
    // One whose key cannot be read says so at once, without waiting for a check.
    const unavailable =
      entry?.unavailable === undefined ? {} : { health: { ok: false, latencyMs: 0, reason: entry.unavailable } };
    items.push({
      providerId: row.providerId,
      kind: row.kind,
      baseUrl: row.baseUrl,
      hasKey: row.hasKey,
      source: 'workspace',
      enabled: row.enabled,
      circuit: circuitOf(breakerKey),
      ...unavailable,
      ...(entry ? { provider: entry.provider } : {}),
    });
  }
  const checked = await Promise.all(
    items.map(async ({ provider, ...item }) =>
      input.check && provider && !item.health ? { ...item, health: await checkHealth(provider) } : item,
    ),
  );
  return checked;
}

/**
 * "Test connection" of a provider the workspace has (its own, even disabled, or the instance's). A saved
 * key this server cannot read is a failed test with the reason, not an error.
 */
export async function testSavedProvider(
  deps: { db: Database; llm: LlmServices; keyring: Keyring },
  input: { workspaceId: string; providerId: string },
): Promise<ProviderHealth> {
  let settings;
  try {
    settings = await readWorkspaceProviderSettings(
      deps.db,
      (ciphertext) => decryptProviderKey(deps.keyring, ciphertext),
      input,
    );
  } catch (error) {
    if (isSecretKeyMissing(error)) return { ok: false, latencyMs: 0, reason: error.detail ?? error.message };
    throw error;
  }
  if (settings) return checkHealth(createProvider(settings, { http: deps.llm.workspaceHttp }));
  const instance = deps.llm.directory.instance().find((entry) => entry.id === input.providerId);
  if (!instance) throw AppError.notFound('provider');
  return checkHealth(instance.provider);
}

/** "Test connection" before saving: the same check on a configuration held only in memory. */
export async function testProviderConfig(
  llm: LlmServices,
  config: { kind: ProviderKind; baseUrl?: string | undefined; apiKey?: string | undefined },
): Promise<ProviderHealth> {
  let provider: LlmProvider;
  try {
    provider = createProvider(
      {
        id: config.kind,
        kind: config.kind,
        ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
      },
      { http: llm.workspaceHttp },
    );
  } catch (error) {
    // An incomplete configuration (no base URL for a custom server...) is an answer, not a server error.
    return {
      ok: false,
      latencyMs: 0,
      reason: `This configuration cannot be used: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return checkHealth(provider);
}

/** A health check that always answers, within `HEALTH_TIMEOUT_MS`, with a reason in plain words when not ok. */
export async function checkHealth(
  provider: Pick<LlmProvider, 'id' | 'health'>,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<ProviderHealth> {
  const started = Date.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ProviderHealth>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({
        ok: false,
        latencyMs: Date.now() - started,
        reason: `${provider.id} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
      });
    }, timeoutMs);
  });
  try {
    return await Promise.race([provider.health(controller.signal), timeout]);
  } catch (error) {
    return {
      ok: false,
      latencyMs: Date.now() - started,
      reason: `${provider.id} could not be reached: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
