/** Ollama on this server: installed models, memory fit, pulls, version. */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import type { Wire } from '../wire.ts';

export const PULL_STATUSES = ['running', 'succeeded', 'failed', 'cancelled'] as const;
export type PullStatus = (typeof PULL_STATUSES)[number];

/** Why a model-management call failed. */
export const OLLAMA_ERROR_KINDS = [
  'not_running',
  'unknown_model',
  'not_installed',
  'does_not_fit',
  'cancelled',
  'timeout',
  'failed',
] as const;

export const modelNameSchema = z
  .string()
  .min(1)
  .max(96)
  .regex(/^[\w.:/@-]+$/, 'Not an Ollama model name (name:tag, e.g. llama3.2:3b)')
  .describe(
    'An Ollama model, `name:tag` (a bare name means `:latest`); 96 characters at most (the router limits a path segment)',
  )
  .meta({ examples: ['llama3.2:3b'] });

export const modelParams = z.object({ modelName: modelNameSchema });
export const pullParams = z.object({ pullId: z.uuid() });

export const installedModel = z.object({
  name: z.string(),
  sizeBytes: z.number(),
  family: z.string(),
  parameterSize: z.string(),
  quantization: z.string(),
  modifiedAt: z.string().nullable(),
  running: z.boolean().describe('Loaded in memory now'),
  expiresAt: z.string().nullable().describe('When a running model is unloaded'),
  sizeVramBytes: z.number().nullable(),
});

export const availableResponse = z.object({ items: z.array(installedModel) });

export const fitSchema = z.object({
  fits: z.boolean(),
  neededBytes: z.number().describe('0 when the size is unknown'),
  availableBytes: z.number().describe('System RAM minus 2 GiB kept for the system (GPU memory is not seen)'),
  reason: z.string(),
});

export const statusResponse = z.object({
  name: z.string(),
  family: z.string(),
  parameterSize: z.string(),
  quantization: z.string(),
  parameterCount: z.number().nullable(),
  contextLength: z.number().nullable(),
  capabilities: z.array(z.string()),
  sizeBytes: z.number().nullable(),
  running: z.boolean(),
  fit: fitSchema,
});

export const installBody = z.strictObject({
  name: modelNameSchema,
  force: z.boolean().default(false).describe('Pull even when the estimate says it will not fit in memory'),
});

export const pullView = z.object({
  pullId: z.string(),
  model: z.string(),
  status: z.enum(PULL_STATUSES),
  percent: z.number().describe('0–100, never going backwards'),
  step: z.string().describe("Ollama's words for the current step"),
  error: z.object({ kind: z.enum(OLLAMA_ERROR_KINDS), message: z.string() }).nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const requirementsQuery = z.object({ model: modelNameSchema });

export const metricsQuery = z.object({
  workspaceId: workspaceIdParam
    .optional()
    .describe('One workspace (members); absent = the whole instance (instance admin)'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const versionResponse = z.object({
  url: z.string().describe('Where Plume looks for Ollama (OLLAMA_URL)'),
  running: z.boolean(),
  version: z.string().nullable(),
  reason: z.string().nullable().describe('Why Ollama could not be reached, in plain words'),
});

export type InstalledModel = Wire<typeof installedModel>;
export type PullView = Wire<typeof pullView>;
export type OllamaVersion = Wire<typeof versionResponse>;

/** A `progress` event of `GET /ollama/pulls/:pullId/events` (Server-Sent Events; the stream ends with `done` and the pull). */
export const pullProgressEventSchema = z.object({
  seq: z.number(),
  status: z.string().describe("Ollama's words for the step"),
  percent: z.number().nullable(),
  completed: z.number().optional(),
  total: z.number().optional(),
});
export type PullProgressEvent = Wire<typeof pullProgressEventSchema>;
