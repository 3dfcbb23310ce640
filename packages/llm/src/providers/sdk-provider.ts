/**
 * Assembles an `LlmProvider` from the few things that differ between AI SDK vendors: the model
 * factory, the JSON strategy and how models are listed. Generation, health and the "no key yet"
 * answer are shared here, so each vendor file stays a short description of the vendor.
 */
import type { LanguageModel } from 'ai';
import type { LlmProvider, ModelInfo, ProviderKind, ProviderSettings } from '../provider-contract.ts';
import { LlmProviderError } from '../provider-contract.ts';
import { toLlmProviderError } from './ai-sdk-errors.ts';
import type { ProviderIdentity } from './ai-sdk-errors.ts';
import { generateWithSdk } from './generate-with-sdk.ts';
import type { JsonStrategy } from './generate-with-sdk.ts';

/** What a vendor file supplies. */
export interface SdkProviderSpec {
  settings: ProviderSettings;
  kind: ProviderKind;
  /** Vendor name for messages ("OpenAI"); custom servers use their configured id. */
  label: string;
  json: JsonStrategy;
  /** Cloud vendors need a key; self-hosted OpenAI-compatible servers often do not. */
  requiresKey: boolean;
  languageModel: (modelId: string) => LanguageModel;
  listModels: (signal?: AbortSignal) => Promise<ModelInfo[]>;
}

/**
 * Builds the provider. Failures of `listModels` and `generate` reject with `LlmProviderError`;
 * `health` never rejects.
 */
export function createSdkProvider(spec: SdkProviderSpec): LlmProvider {
  const identity: ProviderIdentity = { id: spec.settings.id, label: spec.label };
  const missingKey = (): LlmProviderError =>
    new LlmProviderError({
      kind: 'auth',
      providerId: identity.id,
      message: `No ${spec.label} key is set: add it on the Models page.`,
    });
  const isMissingKey = spec.requiresKey && (spec.settings.apiKey ?? '') === '';

  const listModels = async (signal?: AbortSignal): Promise<ModelInfo[]> => {
    if (isMissingKey) throw missingKey();
    try {
      return await spec.listModels(signal);
    } catch (error) {
      throw toLlmProviderError(error, identity);
    }
  };

  return {
    id: identity.id,
    kind: spec.kind,
    generate: async (call) => {
      if (isMissingKey) throw missingKey();
      return generateWithSdk(spec.languageModel(call.model), call, { provider: identity, json: spec.json });
    },
    listModels,
    async health(signal) {
      const startedAt = performance.now();
      const latencyMs = (): number => Math.round(performance.now() - startedAt);
      try {
        const models = await listModels(signal);
        return { ok: true, latencyMs: latencyMs(), models: models.length };
      } catch (error) {
        return { ok: false, latencyMs: latencyMs(), reason: toLlmProviderError(error, identity).message };
      }
    },
  };
}

/** The configured base URL without a trailing slash, or the vendor's default. */
export function baseUrlOf(settings: ProviderSettings, fallback: string): string {
  return (settings.baseUrl ?? fallback).replace(/\/+$/, '');
}
