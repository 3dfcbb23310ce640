/**
 * Which media providers a call may go to, in which order: the built-in policy per task (every
 * provider that can make it, local ones first), the capability filter, the `auto` model of a local
 * server, and the ordering modes. The policy's shape is the text gateway's (`RoutingPolicy`), stored in
 * the same table under the tasks `image`, `video` and `speech`.
 */
import type { MediaProviderKind, MediaTask } from '@plume/contract/media/media-enums';
import type { Candidate, RoutingMode, RoutingPolicy } from '@plume/llm/gateway/routing';
import type { MediaCapabilities, MediaModelInfo, MediaProvider } from '../providers/media-provider-contract.ts';
import { LlmProviderError } from '../providers/media-provider-contract.ts';

/**
 * A media provider a workspace can reach. `breakerKey` is shared by every workspace using the same
 * instance provider; `unavailable` says why it cannot be called at all (its saved key cannot be read).
 */
export type MediaProviderEntry = {
  id: string;
  kind: MediaProviderKind;
  provider: MediaProvider;
  breakerKey: string;
  unavailable?: string;
};

/** A local server's model chosen from what it has installed (its current checkpoint, its first voice model). */
export const AUTO_MODEL = 'auto';

/** The model each kind is asked for per task when a policy does not name one; absent: the kind cannot make it. */
export const DEFAULT_MEDIA_MODELS: Record<MediaProviderKind, Partial<Record<MediaTask, string>>> = {
  automatic1111: { image: AUTO_MODEL },
  comfyui: { image: AUTO_MODEL },
  openai_compatible: { image: AUTO_MODEL, speech: AUTO_MODEL },
  espeak: { speech: 'espeak-ng' },
  openai: { image: 'gpt-image-1', speech: 'tts-1' },
  google: { image: 'imagen-4.0-generate-001', video: 'veo-3.0-fast-generate-001' },
  stability: { image: 'stable-image-core' },
};

/** The built-in order: local servers first (in this order), then the cloud. */
const KIND_ORDER: readonly MediaProviderKind[] = [
  'automatic1111',
  'comfyui',
  'openai_compatible',
  'espeak',
  'openai',
  'google',
  'stability',
];

const LOCAL_KINDS: readonly MediaProviderKind[] = ['automatic1111', 'comfyui', 'openai_compatible', 'espeak'];

export function isLocalKind(kind: MediaProviderKind): boolean {
  return LOCAL_KINDS.includes(kind);
}

/** Whether the adapter's capabilities include the task. */
export function canMake(capabilities: MediaCapabilities, task: MediaTask): boolean {
  return capabilities[task];
}

/** The built-in policy for a task: every reachable provider that can make it, with its default model, local first. */
export function defaultMediaPolicy(
  task: MediaTask,
  available: readonly Pick<MediaProviderEntry, 'id' | 'kind' | 'provider'>[],
): RoutingPolicy {
  const able = available.filter(
    (entry) => canMake(entry.provider.capabilities, task) && DEFAULT_MEDIA_MODELS[entry.kind][task] !== undefined,
  );
  const sorted = [...able].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  return {
    mode: 'local_first',
    candidates: sorted.map((entry) => ({ provider: entry.id, model: DEFAULT_MEDIA_MODELS[entry.kind][task] ?? '' })),
  };
}

export type MediaCandidate = Candidate & { kind: MediaProviderKind; entry: MediaProviderEntry };
export type Unresolved = Candidate & { outcome: string; detail: string };

type ModelLists = (entry: MediaProviderEntry) => Promise<MediaModelInfo[]>;

/** Installed models per local server, remembered briefly so `auto` costs no round trip per call. */
export function createMediaModelCache(ttlMs = 30_000, now: () => number = Date.now): ModelLists {
  const cache = new Map<string, { at: number; models: MediaModelInfo[] }>();
  return async (entry) => {
    const hit = cache.get(entry.breakerKey);
    if (hit && now() - hit.at < ttlMs) return hit.models;
    const models = await entry.provider.listModels();
    cache.set(entry.breakerKey, { at: now(), models });
    return models;
  };
}

/**
 * Turns the policy's `{ provider, model }` pairs into callable candidates for a task; the ones that
 * cannot be called (not set up, cannot make this, no model installed) come back with the reason.
 */
export async function resolveMediaCandidates(
  task: MediaTask,
  candidates: readonly Candidate[],
  entries: readonly MediaProviderEntry[],
  listModels: ModelLists,
): Promise<{ callable: MediaCandidate[]; unresolved: Unresolved[] }> {
  const callable: MediaCandidate[] = [];
  const unresolved: Unresolved[] = [];
  for (const candidate of candidates) {
    const entry = entries.find((item) => item.id === candidate.provider);
    if (entry === undefined) {
      unresolved.push({
        ...candidate,
        outcome: 'not_configured',
        detail: `the media provider "${candidate.provider}" is not set up for this workspace`,
      });
    } else if (entry.unavailable !== undefined) {
      unresolved.push({ ...candidate, outcome: 'not_configured', detail: entry.unavailable });
    } else if (!canMake(entry.provider.capabilities, task)) {
      unresolved.push({ ...candidate, outcome: 'not_capable', detail: `${entry.id} cannot make ${taskWords[task]}` });
    } else if (candidate.model !== AUTO_MODEL) {
      callable.push({ ...candidate, kind: entry.kind, entry });
    } else {
      const found = await autoModel(task, entry, listModels);
      if ('model' in found)
        callable.push({ provider: candidate.provider, model: found.model, kind: entry.kind, entry });
      else unresolved.push({ ...candidate, ...found });
    }
  }
  return { callable, unresolved };
}

async function autoModel(
  task: MediaTask,
  entry: MediaProviderEntry,
  listModels: ModelLists,
): Promise<{ model: string } | { outcome: string; detail: string }> {
  try {
    const models = await listModels(entry);
    const model = models.find((item) => item.makes.includes(task));
    if (model) return { model: model.id };
    return { outcome: 'model_not_found', detail: `${entry.id} has no model that makes ${taskWords[task]}` };
  } catch (error) {
    const kind = error instanceof LlmProviderError ? error.kind : 'server_error';
    return { outcome: kind, detail: error instanceof Error ? error.message : String(error) };
  }
}

export const taskWords: Record<MediaTask, string> = { image: 'images', video: 'videos', speech: 'speech' };

/**
 * Orders callable candidates by the mode. `local_first` puts local servers first; `cheapest` sorts by
 * the estimate; `fastest` and `best_quality` keep the policy's order (media calls have no measured
 * statistics yet). Sorting is stable, so ties keep the policy's order.
 */
export function orderMediaCandidates(
  mode: RoutingMode,
  candidates: readonly MediaCandidate[],
  estimate: (candidate: MediaCandidate) => number,
): MediaCandidate[] {
  const list = [...candidates];
  if (mode === 'local_first') return list.sort((a, b) => Number(isLocalKind(b.kind)) - Number(isLocalKind(a.kind)));
  if (mode === 'cheapest') return list.sort((a, b) => estimate(a) - estimate(b));
  return list;
}
