/**
 * The worker's side of a generation job (`generate_media`): claim it, load its character's look,
 * references and voice, run its kind through the media gateway, check each result and put what passes
 * in the vault (pending approval), then end it succeeded or failed with the reason in plain words.
 * A job cancelled meanwhile stays cancelled and keeps what it already made.
 */
import {
  imageGenerationBody,
  speechGenerationBody,
  videoGenerationBody,
} from '@plume/contract/media/generation-schemas';
import { claimGeneration, finishGeneration, storePreview } from './generation-store.ts';
import { loadGenerationContext } from './generation-context.ts';
import { failureWords } from './failure-words.ts';
import type { GenerationDeps, JobOutcome, JobRun } from './job-run.ts';
import { runImageBatch } from './run-image-batch.ts';
import { runSpeech, runVideo } from './run-video-and-speech.ts';
import type { GenerationRow } from './generation-views.ts';
import { readGeneration } from './generation-views.ts';

export type { GenerationDeps } from './job-run.ts';

export type GenerationResult = { generationId: string; state: JobOutcome['state'] | 'skipped' };

async function runKind(run: JobRun): Promise<JobOutcome> {
  const { row } = run;
  switch (row.kind) {
    case 'image':
      return runImageBatch(run, imageGenerationBody.parse(requestWithoutExtras(row)));
    case 'video':
      return runVideo(run, videoGenerationBody.parse(requestWithoutExtras(row)));
    case 'speech':
      return runSpeech(run, speechGenerationBody.parse(requestWithoutExtras(row)));
    default:
      return { state: 'failed', error: `A ${row.kind} job is made by the slideshow renderer, not here.` };
  }
}

/** The request as the person sent it (the preview marker is the job's own). */
function requestWithoutExtras(row: GenerationRow): Record<string, unknown> {
  const { previewOf: _previewOf, ...request } = row.request;
  return request;
}

function previewTarget(row: GenerationRow): { characterId: string; variationId?: string } | undefined {
  const target = row.request['previewOf'];
  if (typeof target !== 'object' || target === null) return undefined;
  const { characterId, variationId } = target as Record<string, unknown>;
  if (typeof characterId !== 'string') return undefined;
  return typeof variationId === 'string' ? { characterId, variationId } : { characterId };
}

export async function runGeneration(deps: GenerationDeps, generationId: string): Promise<GenerationResult> {
  const row = await claimGeneration(deps.db, generationId);
  if (row === null) return { generationId, state: 'skipped' };
  let outcome: JobOutcome;
  try {
    const context = await loadGenerationContext(deps, row);
    outcome = await runKind({ deps, row, context, describe: failureWords });
  } catch (error) {
    outcome = { state: 'failed', error: failureWords(error, row.kind === 'speech' ? 'audio' : row.kind) };
  }
  if (outcome.state === 'cancelled') return { generationId, state: 'cancelled' };
  await finishGeneration(deps.db, generationId, { state: outcome.state, error: outcome.error });
  const target = previewTarget(row);
  if (outcome.state === 'succeeded' && target !== undefined) {
    const finished = await readGeneration(deps.db, row.workspaceId, generationId);
    const first = finished.resultMediaIds[0];
    if (first !== undefined) await storePreview(deps.db, target, first);
  }
  return { generationId, state: outcome.state };
}
