/**
 * Models of the Ollama fake: what is installed, what the "library" offers for `/api/pull`, and
 * how each appears in `/api/tags`, `/api/ps` and `/api/show` (shapes from
 * https://github.com/ollama/ollama/blob/main/docs/api.md).
 */
import { createHash } from 'node:crypto';

/** One model as the fake knows it; sizes are what Ollama reports for the GGUF on disk. */
export interface FakeOllamaModel {
  /** `name:tag`; a name without a tag means `:latest`. */
  name: string;
  sizeBytes: number;
  /** As Ollama prints it, e.g. `3.2B`. */
  parameterSize: string;
  /** As Ollama prints it, e.g. `Q4_K_M`. */
  quantization: string;
  contextLength: number;
  family?: string;
}

/** Installed by default: small, well-known models. */
export const DEFAULT_INSTALLED_MODELS: readonly FakeOllamaModel[] = [
  {
    name: 'llama3.2:3b',
    sizeBytes: 2_019_393_189,
    parameterSize: '3.2B',
    quantization: 'Q4_K_M',
    contextLength: 131_072,
    family: 'llama',
  },
  {
    name: 'qwen2.5:0.5b',
    sizeBytes: 397_821_319,
    parameterSize: '494.03M',
    quantization: 'Q4_K_M',
    contextLength: 32_768,
    family: 'qwen2',
  },
];

/** Offered by the fake registry to `/api/pull` (installed models can be pulled again too). */
export const DEFAULT_LIBRARY_MODELS: readonly FakeOllamaModel[] = [
  {
    name: 'llama3.2:1b',
    sizeBytes: 1_321_098_329,
    parameterSize: '1.2B',
    quantization: 'Q8_0',
    contextLength: 131_072,
    family: 'llama',
  },
  {
    name: 'gemma2:2b',
    sizeBytes: 1_629_518_495,
    parameterSize: '2.6B',
    quantization: 'Q4_0',
    contextLength: 8_192,
    family: 'gemma2',
  },
  {
    name: 'llama3.1:405b',
    sizeBytes: 243_000_000_000,
    parameterSize: '405.9B',
    quantization: 'Q4_K_M',
    contextLength: 131_072,
    family: 'llama',
  },
];

/** Adds `:latest` to a bare name, as Ollama does. */
export function normalizeModelName(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}

/** Stable fake digest of a model (64 hex chars, like a sha256). */
export function modelDigest(model: FakeOllamaModel): string {
  return createHash('sha256').update(normalizeModelName(model.name)).digest('hex');
}

function details(model: FakeOllamaModel): Record<string, unknown> {
  const family = model.family ?? 'llama';
  return {
    parent_model: '',
    format: 'gguf',
    family,
    families: [family],
    parameter_size: model.parameterSize,
    quantization_level: model.quantization,
  };
}

/** One entry of `GET /api/tags`. */
export function tagsEntry(model: FakeOllamaModel, modifiedAt: string): Record<string, unknown> {
  const name = normalizeModelName(model.name);
  return {
    name,
    model: name,
    modified_at: modifiedAt,
    size: model.sizeBytes,
    digest: modelDigest(model),
    details: details(model),
  };
}

/** One entry of `GET /api/ps`: a model loaded in memory until `expiresAt`. */
export function psEntry(model: FakeOllamaModel, expiresAt: Date, contextLength: number): Record<string, unknown> {
  const name = normalizeModelName(model.name);
  return {
    name,
    model: name,
    size: model.sizeBytes,
    digest: modelDigest(model),
    details: details(model),
    expires_at: expiresAt.toISOString(),
    size_vram: 0,
    context_length: contextLength,
  };
}

/** The body of `POST /api/show`. */
export function showBody(model: FakeOllamaModel, modifiedAt: string): Record<string, unknown> {
  const family = model.family ?? 'llama';
  return {
    modelfile: `FROM ${normalizeModelName(model.name)}`,
    parameters: 'stop "<|eot_id|>"',
    template: '{{ .Prompt }}',
    details: details(model),
    model_info: {
      'general.architecture': family,
      'general.parameter_count': parseParameterCount(model.parameterSize),
      [`${family}.context_length`]: model.contextLength,
    },
    capabilities: ['completion'],
    modified_at: modifiedAt,
  };
}

/** `3.2B` → 3_200_000_000, `494.03M` → 494_030_000. */
function parseParameterCount(parameterSize: string): number {
  const match = /^([\d.]+)\s*([KMBT]?)$/i.exec(parameterSize.trim());
  if (match === null) return 0;
  const scale: Record<string, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 };
  return Math.round(Number(match[1]) * (scale[(match[2] ?? '').toUpperCase()] ?? 1));
}

/** Expected time a request kept the model loaded, from `keep_alive` ("5m", "30s", seconds, -1 = forever). */
export function keepAliveMs(keepAlive: unknown): number {
  if (typeof keepAlive === 'number') return keepAlive < 0 ? Number.MAX_SAFE_INTEGER : keepAlive * 1000;
  if (typeof keepAlive !== 'string') return 5 * 60_000;
  const match = /^(-?\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(keepAlive.trim());
  if (match === null) return 5 * 60_000;
  const value = Number(match[1]);
  if (value < 0) return Number.MAX_SAFE_INTEGER;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return value * (unit[match[2] ?? 's'] ?? 1000);
}
