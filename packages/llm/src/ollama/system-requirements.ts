/**
 * Will a model fit in this machine's memory? Checked before a pull, so nobody downloads 40 GB to
 * find out the model cannot load. The estimate is deliberately simple and errs on the large side:
 *
 *   needed = weights + KV cache for the context window + runtime overhead
 *   weights  = the GGUF size on disk when known, else parameters × bits per weight of the quantization
 *   KV cache = num_ctx × (16 KiB per billion parameters per token, at least 32 KiB): fp16 K and V for
 *              grouped-query-attention models (llama 3.x 8B: 32 layers × 8 KV heads × 128 × 2 × 2 B = 128 KiB)
 *   overhead = 10 % of the weights + 256 MiB of compute buffers
 *
 * It compares against system RAM only: Ollama can also place layers in GPU memory, which Node
 * cannot see, so a machine with a GPU may run more than this says (`force` exists for that).
 */
import os from 'node:os';

/** What we know of a model before pulling it; any field may be missing. */
export interface ModelFootprint {
  name: string;
  /** Size on disk (the GGUF), as the library or `/api/tags` reports it. */
  sizeBytes?: number;
  parameterCount?: number;
  /** e.g. `Q4_K_M` (Ollama's default), `Q8_0`, `F16`. */
  quantization?: string;
}

export interface MemoryReading {
  totalBytes: number;
  freeBytes: number;
}

/** Reads this machine's memory; tests inject their own. */
export type ReadMemory = () => MemoryReading;

export const readSystemMemory: ReadMemory = () => ({ totalBytes: os.totalmem(), freeBytes: os.freemem() });

export interface FitReport {
  fits: boolean;
  /** 0 when nothing is known about the model's size. */
  neededBytes: number;
  availableBytes: number;
  /** Plain words for the Models page. */
  reason: string;
}

export interface FitOptions {
  /** Context window the model will be loaded with (default 8192, what the provider sends). */
  numCtx?: number;
  readMemory?: ReadMemory;
  /** Kept for the operating system and Plume itself (default 2 GiB). */
  reserveBytes?: number;
}

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const KIB = 1024;

/** Bits per weight of common GGUF quantizations (block scales included). */
const BITS_PER_WEIGHT: Record<string, number> = {
  Q2_K: 3.35,
  Q3_K_S: 3.5,
  Q3_K_M: 3.9,
  Q4_0: 4.55,
  Q4_1: 5,
  Q4_K_S: 4.6,
  Q4_K_M: 4.85,
  Q5_0: 5.5,
  Q5_K_S: 5.55,
  Q5_K_M: 5.7,
  Q6_K: 6.6,
  Q8_0: 8.5,
  F16: 16,
  BF16: 16,
  F32: 32,
};
const DEFAULT_QUANTIZATION = 'Q4_K_M';

/** Sizes of well-known library tags (ollama.com/library), for when only a name is known. */
const KNOWN_MODELS: Record<string, { parameterCount: number; sizeBytes: number }> = {
  'llama3.2:1b': { parameterCount: 1.24e9, sizeBytes: 1.3e9 },
  'llama3.2:3b': { parameterCount: 3.21e9, sizeBytes: 2.0e9 },
  'llama3.1:8b': { parameterCount: 8.03e9, sizeBytes: 4.9e9 },
  'llama3.1:70b': { parameterCount: 70.6e9, sizeBytes: 43e9 },
  'llama3.1:405b': { parameterCount: 405.9e9, sizeBytes: 243e9 },
  'qwen2.5:0.5b': { parameterCount: 0.49e9, sizeBytes: 398e6 },
  'qwen2.5:7b': { parameterCount: 7.62e9, sizeBytes: 4.7e9 },
  'mistral:7b': { parameterCount: 7.25e9, sizeBytes: 4.1e9 },
  'gemma2:2b': { parameterCount: 2.61e9, sizeBytes: 1.6e9 },
  'gemma2:9b': { parameterCount: 9.24e9, sizeBytes: 5.4e9 },
  'phi3:mini': { parameterCount: 3.82e9, sizeBytes: 2.2e9 },
};
/** A bare name (`:latest`) is the library's default tag of that model. */
const LATEST_ALIASES: Record<string, string> = {
  'llama3.2:latest': 'llama3.2:3b',
  'llama3.1:latest': 'llama3.1:8b',
  'mistral:latest': 'mistral:7b',
  'qwen2.5:latest': 'qwen2.5:7b',
};

/** Bytes of memory the model needs loaded with `numCtx`, or undefined when its size is unknown. */
export function estimateModelMemory(model: ModelFootprint, numCtx = 8192): number | undefined {
  const known = KNOWN_MODELS[canonicalName(model.name)];
  const bits =
    BITS_PER_WEIGHT[(model.quantization ?? DEFAULT_QUANTIZATION).toUpperCase()] ??
    BITS_PER_WEIGHT[DEFAULT_QUANTIZATION] ??
    4.85;
  const parameterCount =
    model.parameterCount ??
    known?.parameterCount ??
    parametersFromName(model.name) ??
    (model.sizeBytes === undefined ? undefined : (model.sizeBytes * 8) / bits);
  if (parameterCount === undefined) return undefined;
  const weights = model.sizeBytes ?? known?.sizeBytes ?? (parameterCount * bits) / 8;
  const kvPerToken = Math.max(32 * KIB, 16 * KIB * (parameterCount / 1e9));
  return Math.round(weights * 1.1 + 256 * MIB + numCtx * kvPerToken);
}

/** Compares the estimate with this machine's memory. */
export function checkModelFits(model: ModelFootprint, options: FitOptions = {}): FitReport {
  const memory = (options.readMemory ?? readSystemMemory)();
  const availableBytes = Math.max(0, memory.totalBytes - (options.reserveBytes ?? 2 * GIB));
  const neededBytes = estimateModelMemory(model, options.numCtx ?? 8192);
  if (neededBytes === undefined) {
    return {
      fits: true,
      neededBytes: 0,
      availableBytes,
      reason: `The size of ${model.name} is unknown, so Plume cannot tell whether it fits in ${gib(availableBytes)}.`,
    };
  }
  if (neededBytes > availableBytes) {
    return {
      fits: false,
      neededBytes,
      availableBytes,
      reason: `${model.name} needs about ${gib(neededBytes)} of memory, but this machine has ${gib(memory.totalBytes)} (${gib(availableBytes)} usable). Choose a smaller model or a smaller quantization.`,
    };
  }
  // Linux counts reclaimable page cache as used, so free memory only warns, it never refuses.
  const busy =
    neededBytes > memory.freeBytes
      ? ` Only ${gib(memory.freeBytes)} is free right now; other programs may have to give memory back.`
      : '';
  return {
    fits: true,
    neededBytes,
    availableBytes,
    reason: `${model.name} needs about ${gib(neededBytes)} of the ${gib(availableBytes)} usable.${busy}`,
  };
}

function canonicalName(name: string): string {
  const full = name.includes(':') ? name : `${name}:latest`;
  return LATEST_ALIASES[full] ?? full;
}

/** `llama3.1:70b`, `qwen2.5:0.5b-instruct` → parameters from the tag, the library's naming habit. */
function parametersFromName(name: string): number | undefined {
  const match = /:(\d+(?:\.\d+)?)b\b/i.exec(name);
  return match === null ? undefined : Number(match[1]) * 1e9;
}

function gib(bytes: number): string {
  return `${(bytes / GIB).toFixed(1)} GiB`;
}
