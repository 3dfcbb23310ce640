/**
 * Which providers a workspace can reach: the instance's (Ollama at OLLAMA_URL, cloud keys from the
 * environment) and the workspace's own (stored encrypted), the workspace's winning on the same id.
 * Adapters are built once and reused; a workspace's list is remembered for a moment so the gateway
 * does not read it from the store on every call.
 */
import type { HttpClient } from '@plume/http/http-client';
import { LlmProviderError, type LlmProvider, type ProviderKind, type ProviderSettings } from '../provider-contract.ts';
import { createProvider } from '../providers/create-provider.ts';
import type { ProviderEntry } from './candidates.ts';
import type { GatewayStore, StoredProvider } from './gateway-store.ts';

export type InstanceProviders = {
  ollamaUrl: string;
  keys: Partial<Record<'openai' | 'anthropic' | 'groq' | 'perplexity' | 'meta', string>>;
};

export interface ProviderDirectory {
  /** The providers this workspace can reach, instance ones first. */
  list(workspaceId: string): Promise<ProviderEntry[]>;
  /** The instance's own providers (the Models page shows them to every workspace). */
  instance(): ProviderEntry[];
  /** Forgets a workspace's remembered list (after its providers change). */
  invalidate(workspaceId: string): void;
}

export function createProviderDirectory(deps: {
  store: Pick<GatewayStore, 'listWorkspaceProviders'>;
  decrypt: (ciphertext: string) => string;
  instance: InstanceProviders;
  /** Client for the instance's providers: may reach the Ollama host. */
  instanceHttp: HttpClient;
  /** Client for workspace-configured servers: the SSRF guard applies as configured. */
  workspaceHttp: HttpClient;
  /** How long a workspace's list is remembered (default 2 s). */
  ttlMs?: number;
  now?: () => number;
}): ProviderDirectory {
  const ttlMs = deps.ttlMs ?? 2000;
  const now = deps.now ?? Date.now;
  const instanceEntries: ProviderEntry[] = [
    entry({ id: 'ollama', kind: 'ollama', baseUrl: deps.instance.ollamaUrl }, 'instance:ollama', deps.instanceHttp),
  ];
  for (const [kind, apiKey] of Object.entries(deps.instance.keys)) {
    if (apiKey)
      instanceEntries.push(
        entry({ id: kind, kind: kind as ProviderKind, apiKey }, `instance:${kind}`, deps.instanceHttp),
      );
  }
  const adapters = new Map<string, { version: string; entry: ProviderEntry }>();
  const remembered = new Map<string, { at: number; entries: ProviderEntry[] }>();

  function workspaceEntry(workspaceId: string, row: StoredProvider): ProviderEntry {
    const key = `workspace:${workspaceId}:${row.providerId}`;
    const version = row.updatedAt.toISOString();
    const known = adapters.get(key);
    if (known && known.version === version) return known.entry;
    let apiKey: string | undefined;
    try {
      apiKey = row.apiKeyCiphertext ? deps.decrypt(row.apiKeyCiphertext) : undefined;
    } catch (error) {
      // A key this server cannot read (restored without its secret key): listed, never called. Not
      // remembered, so it works as soon as the key is back.
      return unavailableEntry(row.providerId, row.kind, key, error instanceof Error ? error.message : String(error));
    }
    const settings: ProviderSettings = {
      id: row.providerId,
      kind: row.kind,
      ...(row.baseUrl ? { baseUrl: row.baseUrl } : {}),
      ...(apiKey === undefined ? {} : { apiKey }),
    };
    const built = entry(settings, key, deps.workspaceHttp);
    adapters.set(key, { version, entry: built });
    return built;
  }

  return {
    async list(workspaceId) {
      const memo = remembered.get(workspaceId);
      if (memo && now() - memo.at < ttlMs) return memo.entries;
      const rows = await deps.store.listWorkspaceProviders(workspaceId);
      const own = rows.filter((row) => row.enabled).map((row) => workspaceEntry(workspaceId, row));
      const ownIds = new Set(own.map((item) => item.id));
      const entries = [...instanceEntries.filter((item) => !ownIds.has(item.id)), ...own];
      remembered.set(workspaceId, { at: now(), entries });
      if (remembered.size > 10_000) remembered.delete(remembered.keys().next().value as string);
      return entries;
    },
    instance: () => instanceEntries,
    invalidate(workspaceId) {
      remembered.delete(workspaceId);
    },
  };
}

function entry(settings: ProviderSettings, breakerKey: string, http: HttpClient): ProviderEntry {
  return { id: settings.id, kind: settings.kind, provider: createProvider(settings, { http }), breakerKey };
}

/** A provider that cannot be used, with the reason: every call fails with it, its health says it. */
function unavailableEntry(id: string, kind: ProviderKind, breakerKey: string, reason: string): ProviderEntry {
  const fail = () => Promise.reject(new LlmProviderError({ kind: 'auth', providerId: id, message: reason }));
  const provider: LlmProvider = {
    id,
    kind,
    generate: fail,
    listModels: fail,
    health: async () => ({ ok: false, latencyMs: 0, reason }),
  };
  return { id, kind, provider, breakerKey, unavailable: reason };
}
