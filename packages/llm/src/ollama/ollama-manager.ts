/**
 * Model management for the Models page: what is installed, what is loaded, details, delete,
 * version, and pulls with progress and cancellation. Uses the `ollama` npm client over our HTTP
 * client (`@plume/http`); its answers are validated with zod because its typings promise `Date`s
 * and `Map`s where the JSON has strings and objects.
 */
import { Ollama } from 'ollama';
import { z } from 'zod';
import type { HttpClient } from '@plume/http/http-client';
import { startCallDeadline } from '../providers/call-deadline.ts';
import type { CallDeadline } from '../providers/call-deadline.ts';
import { createOllamaFetch, createOllamaHttpClient, DEFAULT_OLLAMA_URL } from './ollama-http.ts';
import type { LastResponse } from './ollama-http.ts';
import { OllamaManagerError, toManagerError } from './ollama-manager-error.ts';
import { createPullProgressTracker } from './pull-progress.ts';
import type { PullProgress } from './pull-progress.ts';
import { checkModelFits } from './system-requirements.ts';
import type { FitReport, ModelFootprint, ReadMemory } from './system-requirements.ts';

export type { PullProgress } from './pull-progress.ts';

const DetailsSchema = z.object({
  family: z.string().default(''),
  parameter_size: z.string().default(''),
  quantization_level: z.string().default(''),
});
const ModelSchema = z.object({
  name: z.string(),
  size: z.number(),
  digest: z.string().default(''),
  details: DetailsSchema.default({ family: '', parameter_size: '', quantization_level: '' }),
  modified_at: z.string().optional(),
  expires_at: z.string().optional(),
  size_vram: z.number().optional(),
  context_length: z.number().optional(),
});
const ListSchema = z.object({ models: z.array(ModelSchema) });
const ShowSchema = z.object({
  details: DetailsSchema,
  model_info: z.record(z.string(), z.unknown()).default({}),
  capabilities: z.array(z.string()).default([]),
});
const ProgressSchema = z.object({
  status: z.string(),
  digest: z.string().optional(),
  completed: z.number().optional(),
  total: z.number().optional(),
});

/** An installed model (`/api/tags`); `expiresAt`, `sizeVramBytes`, `contextLength` are set for running ones (`/api/ps`). */
export interface OllamaModel {
  name: string;
  sizeBytes: number;
  digest: string;
  family: string;
  parameterSize: string;
  quantization: string;
  modifiedAt?: string;
  expiresAt?: string;
  sizeVramBytes?: number;
  contextLength?: number;
}

/** `/api/show`, reduced to what Plume uses. */
export interface OllamaModelDetails {
  name: string;
  family: string;
  parameterSize: string;
  quantization: string;
  parameterCount: number | undefined;
  contextLength: number | undefined;
  capabilities: string[];
}

export interface PullOptions {
  signal?: AbortSignal;
  /** Pull even when the estimate says the model will not fit in memory. */
  force?: boolean;
  /** What is known of the model (size from the library page...); by default only its name. */
  footprint?: Omit<ModelFootprint, 'name'>;
  /** Give up when no progress line arrives for this long (default 5 minutes). */
  idleTimeoutMs?: number;
}

export interface OllamaManagerOptions {
  baseUrl?: string;
  http?: HttpClient;
  readMemory?: ReadMemory;
  /** Budget of the small calls (list, show, delete...). Default 15 s. */
  timeoutMs?: number;
}

export interface OllamaManager {
  installed(signal?: AbortSignal): Promise<OllamaModel[]>;
  running(signal?: AbortSignal): Promise<OllamaModel[]>;
  show(name: string, signal?: AbortSignal): Promise<OllamaModelDetails>;
  delete(name: string, signal?: AbortSignal): Promise<void>;
  version(signal?: AbortSignal): Promise<string>;
  /** Whether a model is expected to fit in this machine's memory. */
  checkFits(footprint: ModelFootprint): FitReport;
  /**
   * Downloads a model, reporting each progress step, and resolves on `success`. Refuses (kind
   * `does_not_fit`) a model estimated too big for this machine unless `force`.
   * @example await manager.pull('llama3.2:3b', (step) => job.report(step.percent))
   */
  pull(name: string, onProgress: (progress: PullProgress) => void, options?: PullOptions): Promise<void>;
}

/** A pull has no overall deadline (large models take hours); silence ends it instead. */
const PULL_IDLE_TIMEOUT_MS = 5 * 60_000;
const PULL_MAX_MS = 24 * 3_600_000;

/** Creates a manager for one Ollama server. */
export function createOllamaManager(options: OllamaManagerOptions = {}): OllamaManager {
  const baseUrl = (options.baseUrl ?? DEFAULT_OLLAMA_URL).replace(/\/+$/, '');
  const http = options.http ?? createOllamaHttpClient(baseUrl);
  const timeoutMs = options.timeoutMs ?? 15_000;

  /** Runs one management call with its own client, signals and error mapping. */
  async function call<T>(
    model: string | undefined,
    signal: AbortSignal | undefined,
    work: (client: Ollama) => Promise<T>,
  ): Promise<T> {
    const control = startCallDeadline({ signal, timeoutMs });
    return runWith(control, model, false, timeoutMs, work);
  }

  async function runWith<T>(
    control: CallDeadline,
    model: string | undefined,
    isPull: boolean,
    requestTimeoutMs: number,
    work: (client: Ollama) => Promise<T>,
  ): Promise<T> {
    const lastResponse: LastResponse = { status: undefined, retryAfterMs: undefined };
    const client = new Ollama({
      host: baseUrl,
      fetch: createOllamaFetch(http, { signal: control.signal, timeoutMs: requestTimeoutMs, lastResponse }),
    });
    try {
      return await work(client);
    } catch (error) {
      throw toManagerError(error, { baseUrl, model, lastResponse, stopped: control.reason, isPull });
    } finally {
      control.dispose();
    }
  }

  const checkFits = (footprint: ModelFootprint): FitReport =>
    checkModelFits(footprint, { readMemory: options.readMemory });

  return {
    installed: (signal) =>
      call(undefined, signal, async (client) => ListSchema.parse(await client.list()).models.map(toModel)),
    running: (signal) =>
      call(undefined, signal, async (client) => ListSchema.parse(await client.ps()).models.map(toModel)),
    show: (name, signal) =>
      call(name, signal, async (client) => toDetails(name, ShowSchema.parse(await client.show({ model: name })))),
    delete: (name, signal) => call(name, signal, async (client) => void (await client.delete({ model: name }))),
    version: (signal) => call(undefined, signal, async (client) => (await client.version()).version),
    checkFits,
    async pull(name, onProgress, pullOptions = {}) {
      const fit = checkFits({ name, ...pullOptions.footprint });
      if (!fit.fits && pullOptions.force !== true) throw new OllamaManagerError('does_not_fit', fit.reason);
      const idleTimeoutMs = pullOptions.idleTimeoutMs ?? PULL_IDLE_TIMEOUT_MS;
      const control = startCallDeadline({ signal: pullOptions.signal, timeoutMs: PULL_MAX_MS, idleTimeoutMs });
      await runWith(control, name, true, PULL_MAX_MS, async (client) => {
        const stream = await client.pull({ model: name, stream: true });
        const track = createPullProgressTracker();
        for await (const line of stream) {
          control.touch();
          const progress = track(ProgressSchema.parse(line));
          onProgress(progress);
          if (progress.status === 'success') return;
        }
      });
    },
  };
}

function toModel(model: z.output<typeof ModelSchema>): OllamaModel {
  return {
    name: model.name,
    sizeBytes: model.size,
    digest: model.digest,
    family: model.details.family,
    parameterSize: model.details.parameter_size,
    quantization: model.details.quantization_level,
    ...(model.modified_at === undefined ? {} : { modifiedAt: model.modified_at }),
    ...(model.expires_at === undefined ? {} : { expiresAt: model.expires_at }),
    ...(model.size_vram === undefined ? {} : { sizeVramBytes: model.size_vram }),
    ...(model.context_length === undefined ? {} : { contextLength: model.context_length }),
  };
}

/** `model_info` keys are prefixed by the architecture: `llama.context_length`, `qwen2.context_length`... */
function toDetails(name: string, show: z.output<typeof ShowSchema>): OllamaModelDetails {
  const info = show.model_info;
  const architecture =
    typeof info['general.architecture'] === 'string' ? info['general.architecture'] : show.details.family;
  const number = (key: string): number | undefined => (typeof info[key] === 'number' ? info[key] : undefined);
  return {
    name,
    family: show.details.family,
    parameterSize: show.details.parameter_size,
    quantization: show.details.quantization_level,
    parameterCount: number('general.parameter_count'),
    contextLength: number(`${architecture}.context_length`),
    capabilities: show.capabilities,
  };
}
