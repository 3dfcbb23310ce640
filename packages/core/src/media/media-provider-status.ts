/**
 * What the Models page's "Media models" section shows and does: every media provider a workspace can
 * reach (the instance's and its own), what each can make, its circuit breaker and — when asked — a
 * live health check; saving, removing and "test connection" of a workspace's own media providers
 * (`llm_providers` rows with purpose `media`). Keys never leave this module.
 */
import { MEDIA_TASKS, type MediaProviderKind, type MediaTask } from '@plume/contract/media/media-enums';
import type { Database } from '@plume/db/client';
import { AppError } from '@plume/errors/app-error';
import type { HttpClient } from '@plume/http/http-client';
import type { RoutingPolicy } from '@plume/llm/gateway/routing';
import { defaultMediaPolicy } from '@plume/media/gateway/media-routing';
import { createMediaProvider } from '@plume/media/providers/create-media-provider';
import type { MediaProvider, MediaProviderHealth } from '@plume/media/providers/media-provider-contract';
import type { AuditActor } from '../audit/record-audit.ts';
import { decryptProviderKey, type LlmServices } from '../llm/llm-services.ts';
import {
  listWorkspaceProviders,
  saveWorkspaceProvider,
  type ProviderInput,
  type WorkspaceProviderView,
} from '../llm/manage-llm-providers.ts';
import { readStoredPolicies } from '../llm/manage-llm-settings.ts';
import { checkHealth } from '../llm/provider-status.ts';
import { readWorkspaceProviderSettings } from '../llm/read-provider-settings.ts';
import { isSecretKeyMissing, type Keyring } from '../secrets/keyring.ts';

type Makes = Record<MediaTask, boolean>;

export type MediaProviderStatus = {
  providerId: string;
  kind: MediaProviderKind;
  baseUrl: string | null;
  hasKey: boolean;
  source: 'instance' | 'workspace';
  enabled: boolean;
  makes: Makes;
  circuit: { state: 'closed' | 'open' | 'half_open'; failures: number; retryAt: string | null };
  health?: MediaProviderHealth;
};

const makesOf = (provider: MediaProvider): Makes => ({
  image: provider.capabilities.image,
  video: provider.capabilities.video,
  speech: provider.capabilities.speech,
});

/** Every media provider the workspace can reach; a workspace's own hides the instance's of the same id. */
export async function listMediaProviderStatus(
  deps: { db: Database; llm: LlmServices },
  input: { workspaceId: string; check: boolean },
): Promise<{ items: MediaProviderStatus[]; canMake: Makes }> {
  const { media } = deps.llm;
  const [own, reachable] = await Promise.all([
    listWorkspaceProviders(deps.db, input.workspaceId, 'media'),
    media.directory.list(input.workspaceId),
  ]);
  const shadowed = new Set(own.filter((row) => row.enabled).map((row) => row.providerId));
  const circuitOf = (breakerKey: string) => {
    const view = media.gateway.breakers.view(breakerKey);
    const retryAt = view.retryAt === null ? null : new Date(view.retryAt).toISOString();
    return { state: view.state, failures: view.failures, retryAt };
  };
  const items: Array<MediaProviderStatus & { provider?: MediaProvider }> = [];
  for (const entry of media.directory.instance()) {
    if (shadowed.has(entry.id)) continue;
    const unavailable =
      entry.unavailable === undefined ? {} : { health: { ok: false, latencyMs: 0, reason: entry.unavailable } };
    items.push({
      providerId: entry.id,
      kind: entry.kind,
      baseUrl: null,
      hasKey: ['openai', 'google', 'stability'].includes(entry.kind),
      source: 'instance',
      enabled: true,
      makes: makesOf(entry.provider),
      circuit: circuitOf(entry.breakerKey),
      provider: entry.provider,
      ...unavailable,
    });
  }
  for (const row of own) {
    const breakerKey = `workspace:${input.workspaceId}:${row.providerId}`;
    const entry = reachable.find((item) => item.breakerKey === breakerKey);
    const unavailable =
      entry?.unavailable === undefined ? {} : { health: { ok: false, latencyMs: 0, reason: entry.unavailable } };
    const provider = entry?.provider ?? buildQuietly(row, media.workspaceHttp);
    items.push({
      providerId: row.providerId,
      kind: row.kind as MediaProviderKind,
      baseUrl: row.baseUrl,
      hasKey: row.hasKey,
      source: 'workspace',
      enabled: row.enabled,
      makes: provider ? makesOf(provider) : { image: false, video: false, speech: false },
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
  const usable = checked.filter((item) => item.enabled && item.health?.ok !== false);
  const canMake = {
    image: usable.some((item) => item.makes.image),
    video: usable.some((item) => item.makes.video),
    speech: usable.some((item) => item.makes.speech),
  };
  return { items: checked, canMake };
}

/** What a disabled row's adapter could make (it is not in the directory's list), without any key. */
function buildQuietly(row: WorkspaceProviderView, http: HttpClient): MediaProvider | undefined {
  try {
    const kind = row.kind as MediaProviderKind;
    return createMediaProvider(
      { id: row.providerId, kind, ...(row.baseUrl ? { baseUrl: row.baseUrl } : {}) },
      { http },
    );
  } catch {
    return undefined;
  }
}

const LOCAL_SERVERS: readonly string[] = ['automatic1111', 'comfyui', 'openai_compatible'];

/** Adds or updates a workspace media provider; local servers need their URL. */
export async function saveMediaProvider(
  deps: { db: Database; keyring: Keyring },
  input: { workspaceId: string; actor: AuditActor; provider: ProviderInput },
): Promise<Omit<WorkspaceProviderView, 'kind'> & { kind: MediaProviderKind }> {
  const { provider } = input;
  if (LOCAL_SERVERS.includes(provider.kind) && !provider.baseUrl)
    throw AppError.validation(
      'body/baseUrl',
      `A ${provider.kind} server needs its base URL, e.g. http://10.0.0.5:7860.`,
    );
  const saved = await saveWorkspaceProvider(deps, { ...input, purpose: 'media' });
  return { ...saved, kind: saved.kind as MediaProviderKind };
}

/** "Test connection" of a saved media provider (even disabled) or of the instance's; never a paid generation. */
export async function testSavedMediaProvider(
  deps: { db: Database; llm: LlmServices; keyring: Keyring },
  input: { workspaceId: string; providerId: string },
): Promise<MediaProviderHealth> {
  let settings;
  try {
    settings = await readWorkspaceProviderSettings(
      deps.db,
      (ciphertext) => decryptProviderKey(deps.keyring, ciphertext),
      { ...input, purpose: 'media' },
    );
  } catch (error) {
    if (isSecretKeyMissing(error)) return { ok: false, latencyMs: 0, reason: error.detail ?? error.message };
    throw error;
  }
  if (settings) {
    const kind = settings.kind as MediaProviderKind;
    return testBuilt(() => createMediaProvider({ ...settings, kind }, { http: deps.llm.media.workspaceHttp }));
  }
  const instance = deps.llm.media.directory.instance().find((entry) => entry.id === input.providerId);
  if (!instance) throw AppError.notFound('provider');
  return checkHealth(instance.provider);
}

/** "Test connection" before saving: the same check on a configuration held only in memory. */
export async function testMediaProviderConfig(
  llm: LlmServices,
  config: { kind: MediaProviderKind; baseUrl?: string | undefined; apiKey?: string | undefined },
): Promise<MediaProviderHealth> {
  return testBuilt(() =>
    createMediaProvider(
      {
        id: config.kind,
        kind: config.kind,
        ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
      },
      { http: llm.media.workspaceHttp },
    ),
  );
}

async function testBuilt(build: () => MediaProvider): Promise<MediaProviderHealth> {
  let provider: MediaProvider;
  try {
    provider = build();
  } catch (error) {
    const reason = `This configuration cannot be used: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, latencyMs: 0, reason };
  }
  return checkHealth(provider);
}

/** The routing policy of each media task: the stored one, or the built-in default for the providers the workspace has. */
export async function readMediaPolicies(
  deps: { db: Database; llm: LlmServices },
  workspaceId: string,
): Promise<Array<RoutingPolicy & { task: MediaTask; isDefault: boolean }>> {
  const [stored, entries] = await Promise.all([
    readStoredPolicies(deps.db, workspaceId),
    deps.llm.media.directory.list(workspaceId),
  ]);
  return MEDIA_TASKS.map((task) => {
    const policy = stored.get(task);
    return { task, ...(policy ?? defaultMediaPolicy(task, entries)), isDefault: policy === undefined };
  });
}
