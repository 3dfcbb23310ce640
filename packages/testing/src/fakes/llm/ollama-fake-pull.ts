/**
 * The NDJSON progress stream of the Ollama fake's `POST /api/pull`, in the order Ollama sends it
 * (https://github.com/ollama/ollama/blob/main/docs/api.md#pull-a-model): `pulling manifest`, then
 * for each layer several `pulling <digest prefix>` lines with `digest`, `total` and a growing
 * `completed`, then `verifying sha256 digest`, `writing manifest`, `success`. For a name the
 * registry does not know, Ollama answers 200 and puts the error in the stream.
 */
import { createHash } from 'node:crypto';
import { modelDigest } from './ollama-fake-models.ts';
import type { FakeOllamaModel } from './ollama-fake-models.ts';

/** The error line Ollama streams when the registry has no such model. */
export const UNKNOWN_MODEL_PULL_ERROR = 'pull model manifest: file does not exist';

/** Progress steps of the large weights layer: 0 %, 25 %, 50 %, 75 %, 100 %. */
const WEIGHT_STEPS = [0, 0.25, 0.5, 0.75, 1];

/** The lines `/api/pull` streams for `model`, or the manifest error when it is undefined. */
export function pullLines(model: FakeOllamaModel | undefined): Record<string, unknown>[] {
  if (model === undefined) return [{ status: 'pulling manifest' }, { error: UNKNOWN_MODEL_PULL_ERROR }];
  const layers = [
    { hex: modelDigest(model), size: model.sizeBytes, steps: WEIGHT_STEPS },
    { hex: smallLayerDigest(model, 'template'), size: 1_429, steps: [0, 1] },
    { hex: smallLayerDigest(model, 'params'), size: 96, steps: [0, 1] },
  ];
  const progress = layers.flatMap((layer) =>
    layer.steps.map((step) => ({
      status: `pulling ${layer.hex.slice(0, 12)}`,
      digest: `sha256:${layer.hex}`,
      total: layer.size,
      completed: Math.round(layer.size * step),
    })),
  );
  return [
    { status: 'pulling manifest' },
    ...progress,
    { status: 'verifying sha256 digest' },
    { status: 'writing manifest' },
    { status: 'success' },
  ];
}

function smallLayerDigest(model: FakeOllamaModel, kind: string): string {
  return createHash('sha256').update(`${model.name}/${kind}`).digest('hex');
}
