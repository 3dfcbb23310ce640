/**
 * Which media providers a workspace can reach: the instance's (keys and local servers from the
 * environment, espeak-ng when installed) and the workspace's own (`llm_providers` rows with purpose
 * `media`, keys encrypted), the workspace's winning on the same id. Adapters are built once and reused;
 * a workspace's list is remembered for a moment. Workspace servers go through the SSRF-guarded client.
 */
import type { MediaProviderKind } from '@plume/contract/media/media-enums';
import type { HttpClient } from '@plume/http/http-client';
import type { MediaProviderEntry } from '../gateway/media-routing.ts';
import { createMediaProvider } from './create-media-provider.ts';
import {
  LlmProviderError,
  type MediaCapabilities,
  type MediaProvider,
  type MediaProviderSettings,
} from './media-provider-contract.ts';

/** A media provider a workspace configured itself. */
export type StoredMediaProvider = {
  providerId: string;
  kind: MediaProviderKind;
  baseUrl: string | null;
  apiKeyCiphertext: string | null;
  enabled: boolean;
  updatedAt: Date;
};

/** What the operator configured (packages/config): keys, local servers' URLs, espeak-ng's path. */
export type InstanceMediaProviders = {
  openaiKey?: string | undefined;
  stabilityKey?: string | undefined;
  googleKey?: string | undefined;
  sdWebuiUrl?: string | undefined;
  comfyuiUrl?: string | undefined;
  openaiCompatibleImageUrl?: string | undefined;
  speechUrl?: string | undefined;
  espeakPath?: string | undefined;
};

export interface MediaProviderDirectory {
  list(workspaceId: string): Promise<MediaProviderEntry[]>;
  instance(): MediaProviderEntry[];
  invalidate(workspaceId: string): void;
}

/** Ids of the instance's two OpenAI-compatible servers, one for images and one for speech. */
export const LOCAL_IMAGES_ID = 'local-images';
export const LOCAL_SPEECH_ID = 'local-speech';

export function instanceMediaSettings(
  config: InstanceMediaProviders,
): Array<{ settings: MediaProviderSettings; only?: 'image' | 'speech' }> {
  const list: Array<{ settings: MediaProviderSettings; only?: 'image' | 'speech' }> = [];
  const add = (id: string, kind: MediaProviderKind, extra: Partial<MediaProviderSettings>, only?: 'image' | 'speech') =>
    list.push({ settings: { id, kind, ...extra }, ...(only ? { only } : {}) });
  if (config.sdWebuiUrl) add('automatic1111', 'automatic1111', { baseUrl: config.sdWebuiUrl });
  if (config.comfyuiUrl) add('comfyui', 'comfyui', { baseUrl: config.comfyuiUrl });
  if (config.openaiCompatibleImageUrl)
    add(LOCAL_IMAGES_ID, 'openai_compatible', { baseUrl: config.openaiCompatibleImageUrl }, 'image');
  if (config.speechUrl) add(LOCAL_SPEECH_ID, 'openai_compatible', { baseUrl: config.speechUrl }, 'speech');
  if (config.espeakPath) add('espeak', 'espeak', {});
  if (config.openaiKey) add('openai', 'openai', { apiKey: config.openaiKey });
  if (config.googleKey) add('google', 'google', { apiKey: config.googleKey });
  if (config.stabilityKey) add('stability', 'stability', { apiKey: config.stabilityKey });
  return list;
}

export function createMediaProviderDirectory(deps: {
  store: { listWorkspaceMediaProviders(workspaceId: string): Promise<StoredMediaProvider[]> };
  decrypt: (ciphertext: string) => string;
  instance: InstanceMediaProviders;
  /** May reach the local servers the operator configured. */
  instanceHttp: HttpClient;
  /** For workspace-configured servers: the SSRF guard applies. */
  workspaceHttp: HttpClient;
  ttlMs?: number;
  now?: () => number;
}): MediaProviderDirectory {
  const ttlMs = deps.ttlMs ?? 2000;
  const now = deps.now ?? Date.now;
  const instanceEntries = instanceMediaSettings(deps.instance).map(({ settings, only }) =>
    safeEntry(
      settings,
      `instance:${settings.id}`,
      { http: deps.instanceHttp, espeakPath: deps.instance.espeakPath },
      only,
    ),
  );
  const adapters = new Map<string, { version: string; entry: MediaProviderEntry }>();
  const remembered = new Map<string, { at: number; entries: MediaProviderEntry[] }>();

  function workspaceEntry(workspaceId: string, row: StoredMediaProvider): MediaProviderEntry {
    const key = `workspace:${workspaceId}:${row.providerId}`;
    const version = row.updatedAt.toISOString();
    const known = adapters.get(key);
    if (known && known.version === version) return known.entry;
    let apiKey: string | undefined;
    try {
      apiKey = row.apiKeyCiphertext ? deps.decrypt(row.apiKeyCiphertext) : undefined;
    } catch (error) {
      return unavailableEntry(row.providerId, row.kind, key, error instanceof Error ? error.message : String(error));
    }
    const settings: MediaProviderSettings = {
      id: row.providerId,
      kind: row.kind,
      ...(row.baseUrl ? { baseUrl: row.baseUrl } : {}),
      ...(apiKey === undefined ? {} : { apiKey }),
    };
    // A workspace never runs a program on the server: espeak-ng is the operator's only.
    const built =
      row.kind === 'espeak'
        ? unavailableEntry(row.providerId, row.kind, key, 'espeak-ng can only be set up by the server operator.')
        : safeEntry(settings, key, { http: deps.workspaceHttp });
    adapters.set(key, { version, entry: built });
    return built;
  }

  return {
    async list(workspaceId) {
      const memo = remembered.get(workspaceId);
      if (memo && now() - memo.at < ttlMs) return memo.entries;
      const rows = await deps.store.listWorkspaceMediaProviders(workspaceId);
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

/** Builds the entry; a configuration that cannot work is listed as unavailable with the reason. */
function safeEntry(
  settings: MediaProviderSettings,
  breakerKey: string,
  deps: { http: HttpClient; espeakPath?: string | undefined },
  only?: 'image' | 'speech',
): MediaProviderEntry {
  try {
    const provider = createMediaProvider(settings, deps);
    return { id: settings.id, kind: settings.kind, provider: only ? restrict(provider, only) : provider, breakerKey };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return unavailableEntry(settings.id, settings.kind, breakerKey, reason);
  }
}

/** The same adapter, offering only one task (the instance's image server is not asked for speech). */
function restrict(provider: MediaProvider, only: 'image' | 'speech'): MediaProvider {
  const capabilities: MediaCapabilities = {
    ...provider.capabilities,
    image: only === 'image' && provider.capabilities.image,
    speech: only === 'speech' && provider.capabilities.speech,
    video: false,
  };
  return {
    id: provider.id,
    kind: provider.kind,
    capabilities,
    ...(only === 'image' && provider.generateImages ? { generateImages: provider.generateImages.bind(provider) } : {}),
    ...(only === 'speech' && provider.synthesizeSpeech
      ? { synthesizeSpeech: provider.synthesizeSpeech.bind(provider) }
      : {}),
    listModels: async (signal) =>
      (await provider.listModels(signal)).map((model) => ({
        ...model,
        makes: model.makes.length === 0 ? [only] : model.makes.filter((made) => made === only),
      })),
    health: (signal) => provider.health(signal),
  };
}

/** A provider that cannot be used, with the reason: every call fails with it, its health says it. */
export function unavailableEntry(
  id: string,
  kind: MediaProviderKind,
  breakerKey: string,
  reason: string,
): MediaProviderEntry {
  const fail = () => Promise.reject(new LlmProviderError({ kind: 'auth', providerId: id, message: reason }));
  const provider: MediaProvider = {
    id,
    kind,
    capabilities: {
      image: false,
      video: false,
      speech: false,
      seed: false,
      referenceImages: false,
      negativePrompt: false,
    },
    listModels: fail,
    health: async () => ({ ok: false, latencyMs: 0, reason }),
  };
  return { id, kind, provider, breakerKey, unavailable: reason };
}
