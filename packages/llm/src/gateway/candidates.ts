/**
 * Turns a policy's `{ provider, model }` pairs into callable candidates: finds the provider among
 * those the workspace can reach, resolves `auto` models from what a local server has installed, and
 * knows each model's context window where it can.
 */
import type { LlmProvider, ModelInfo, ProviderKind } from '../provider-contract.ts';
import { LlmProviderError } from '../provider-contract.ts';
import { AUTO_MODEL, type Candidate, type ResolvedCandidate } from './routing.ts';

/**
 * A provider the workspace can reach. `breakerKey` is shared by every workspace using the same instance
 * provider. `unavailable` says why it cannot be called at all (its saved key cannot be read).
 */
export type ProviderEntry = {
  id: string;
  kind: ProviderKind;
  provider: LlmProvider;
  breakerKey: string;
  unavailable?: string;
};

export type CallableCandidate = ResolvedCandidate & { entry: ProviderEntry };

export type Unresolved = Candidate & { outcome: string; detail: string };

/** Local models preferred for `auto`, in order, when installed (prefix match on the name). */
export const PREFERRED_LOCAL_MODELS = ['llama3.2', 'llama3.1', 'qwen2.5', 'gemma3', 'mistral', 'phi'];

/** Context windows of common cloud models (tokens), for the capability check. */
const CLOUD_CONTEXT: Record<string, number> = {
  'gpt-4o': 128_000,
  'gpt-4.1': 1_047_576,
  'gpt-5': 400_000,
  'o4-mini': 200_000,
  claude: 200_000,
  'llama-3.1-8b-instant': 131_072,
  'llama-3.3-70b-versatile': 131_072,
  sonar: 127_000,
};

function cloudContextWindow(model: string): number | undefined {
  const name = model.toLowerCase();
  const key = Object.keys(CLOUD_CONTEXT)
    .filter((prefix) => name.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0];
  return key === undefined ? undefined : CLOUD_CONTEXT[key];
}

type ModelListCache = Map<string, { at: number; models: ModelInfo[] }>;

/** Installed models per local provider, remembered briefly so `auto` costs no round trip per call. */
export function createModelListCache(ttlMs = 30_000, now: () => number = Date.now) {
  const cache: ModelListCache = new Map();
  return async (entry: ProviderEntry): Promise<ModelInfo[]> => {
    const hit = cache.get(entry.breakerKey);
    if (hit && now() - hit.at < ttlMs) return hit.models;
    const models = await entry.provider.listModels();
    cache.set(entry.breakerKey, { at: now(), models });
    return models;
  };
}

export type ListModels = ReturnType<typeof createModelListCache>;

/** Resolves the policy's candidates; the ones that cannot be called are returned with the reason. */
export async function resolveCandidates(
  candidates: readonly Candidate[],
  entries: readonly ProviderEntry[],
  listModels: ListModels,
): Promise<{ callable: CallableCandidate[]; unresolved: Unresolved[] }> {
  const callable: CallableCandidate[] = [];
  const unresolved: Unresolved[] = [];
  for (const candidate of candidates) {
    const entry = entries.find((item) => item.id === candidate.provider);
    if (entry === undefined) {
      unresolved.push({
        ...candidate,
        outcome: 'not_configured',
        detail: `the provider "${candidate.provider}" is not set up for this workspace`,
      });
      continue;
    }
    if (entry.unavailable !== undefined) {
      unresolved.push({ ...candidate, outcome: 'not_configured', detail: entry.unavailable });
      continue;
    }
    const needsList = candidate.model === AUTO_MODEL || entry.kind === 'ollama';
    if (!needsList) {
      callable.push({ ...candidate, kind: entry.kind, entry, ...withContext(cloudContextWindow(candidate.model)) });
      continue;
    }
    try {
      const models = await listModels(entry);
      const model =
        candidate.model === AUTO_MODEL
          ? pickLocalModel(models)
          : models.find((item) => sameModel(item.id, candidate.model));
      if (model === undefined) {
        const what =
          candidate.model === AUTO_MODEL ? 'has no model installed' : `does not have "${candidate.model}" installed`;
        unresolved.push({
          ...candidate,
          outcome: 'model_not_found',
          detail: `${candidate.provider} ${what}; pull one on the Models page`,
        });
        continue;
      }
      callable.push({
        provider: candidate.provider,
        model: model.id,
        kind: entry.kind,
        entry,
        ...withContext(model.contextWindow),
      });
    } catch (error) {
      const kind = error instanceof LlmProviderError ? error.kind : 'server_error';
      unresolved.push({ ...candidate, outcome: kind, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return { callable, unresolved };
}

const withContext = (contextWindow: number | undefined) => (contextWindow === undefined ? {} : { contextWindow });

/** Ollama names `llama3.2` and `llama3.2:latest` are the same model. */
function sameModel(installed: string, wanted: string): boolean {
  const plain = (name: string) => (name.endsWith(':latest') ? name.slice(0, -':latest'.length) : name);
  return plain(installed) === plain(wanted);
}

function pickLocalModel(models: readonly ModelInfo[]): ModelInfo | undefined {
  const chat = models.filter((model) => !/embed/i.test(model.id));
  for (const preferred of PREFERRED_LOCAL_MODELS) {
    const found = chat.find((model) => model.id.startsWith(preferred));
    if (found) return found;
  }
  return chat[0];
}
