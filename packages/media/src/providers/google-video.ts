/**
 * Veo video on the Gemini API (ai.google.dev/gemini-api/docs/video): a long-running job.
 * 1. `POST /v1beta/models/{model}:predictLongRunning` with `instances: [{prompt, image?}]` and
 *    `parameters: {aspectRatio (16:9 or 9:16), durationSeconds, negativePrompt, seed}` → an operation
 *    `{name: "models/…/operations/…"}`;
 * 2. `GET /v1beta/{name}` every few seconds until `done`; then either `error {code, message}` or
 *    `response.generateVideoResponse` with `generatedSamples[].video.uri`, or (RAI-filtered)
 *    `raiMediaFilteredCount` and `raiMediaFilteredReasons` → content_filter;
 * 3. `GET {uri}` with the key (the link redirects to signed storage: the key is not sent there).
 * The API reports no percentage, so progress is an estimate from the time spent (Veo takes from
 * about ten seconds to several minutes), and 1 when the file is in hand.
 */
import { expectVideo, toBase64 } from './media-bytes.ts';
import type { VideoAnswer, VideoCall } from './media-provider-contract.ts';
import { getGoogle, googleFailure, headersOf, postGoogle } from './google-api.ts';
import { fieldOf, listOf, textOf } from './json-fields.ts';
import type { GoogleClient } from './google-api.ts';
import { modelPath } from './google-images.ts';
import { clip, malformed, pause, refused, sendWithin } from './vendor-call.ts';
import type { CallBudget, VendorResponse } from './vendor-call.ts';

/** Time after which the progress estimate reaches about two thirds. */
const TYPICAL_JOB_MS = 60_000;

export interface VeoPolling {
  /** Between operation polls (Google's examples wait 10 s). */
  pollIntervalMs: number;
}

/** Runs a Veo job to the end within the call's budget. */
export async function generateWithVeo(
  client: GoogleClient,
  call: VideoCall,
  budget: CallBudget,
  polling: VeoPolling,
): Promise<Omit<VideoAnswer, 'latencyMs'>> {
  const startedAt = performance.now();
  const report = (fraction: number): void => call.onProgress?.(Math.min(1, Math.max(0, fraction)));
  report(0);
  const durationSec = veoDuration(call.model, call.durationSec);
  const started = await postGoogle(
    client,
    `${modelPath(call.model)}:predictLongRunning`,
    { instances: [instanceOf(call)], parameters: parametersOf(call, durationSec) },
    budget,
    call.model,
  );
  const name = textOf(started, 'name');
  if (name === undefined) throw malformed(client.context, 'the job has no operation name');
  let operation: unknown = started;
  while (fieldOf(operation, 'done') !== true) {
    await pause(polling.pollIntervalMs, budget, client.context);
    operation = await getGoogle(client, name, budget, call.model);
    // An estimate that slows down as time goes by and stays below 1 until the file is here.
    report(0.95 * (1 - Math.exp(-(performance.now() - startedAt) / TYPICAL_JOB_MS)));
  }
  const uri = videoUriOf(client, operation);
  const video = await download(client, uri, budget);
  report(1);
  return { video, model: call.model, durationSec };
}

function instanceOf(call: VideoCall): Record<string, unknown> {
  if (call.image === undefined) return { prompt: call.prompt };
  return {
    prompt: call.prompt,
    image: { bytesBase64Encoded: toBase64(call.image.bytes), mimeType: call.image.mimeType },
  };
}

function parametersOf(call: VideoCall, durationSec: number): Record<string, unknown> {
  const parameters: Record<string, unknown> = {
    aspectRatio: isTall(call.aspectRatio) ? '9:16' : '16:9',
    durationSeconds: durationSec,
  };
  if (call.negativePrompt !== undefined && call.negativePrompt.trim() !== '') {
    parameters['negativePrompt'] = call.negativePrompt;
  }
  if (call.seed !== undefined && !/^veo-2/.test(call.model)) parameters['seed'] = call.seed;
  return parameters;
}

/** Veo makes 16:9 or 9:16: portrait shapes (4:5, 2:3) come out vertical, square and landscape horizontal. */
function isTall(aspectRatio: string): boolean {
  const [w = 1, h = 1] = aspectRatio.split(':').map(Number);
  return h > w;
}

/** Veo 2 makes 5–8 s; Veo 3 makes 4, 6 or 8 s. */
export function veoDuration(model: string, wanted: number): number {
  if (/veo-2/.test(model)) return Math.min(8, Math.max(5, Math.round(wanted)));
  return [4, 6, 8].reduce((best, option) => (Math.abs(option - wanted) < Math.abs(best - wanted) ? option : best), 8);
}

function videoUriOf(client: GoogleClient, operation: unknown): string {
  const error = fieldOf(operation, 'error');
  if (error !== undefined) {
    const message = textOf(error, 'message') ?? 'the job failed';
    const code = Number(fieldOf(error, 'code') ?? 500);
    const status = code >= 400 && code < 600 ? code : 500;
    const body = Buffer.from(JSON.stringify({ error: { message } }));
    const response: VendorResponse = { status, headers: new Headers(), bytes: new Uint8Array(body) };
    throw googleFailure(response, client.context, textOf(operation, 'name') ?? '');
  }
  const result = fieldOf(fieldOf(operation, 'response'), 'generateVideoResponse');
  const reasons = listOf(result, 'raiMediaFilteredReasons').map(String);
  const samples = listOf(result, 'generatedSamples');
  const uri = textOf(fieldOf(samples[0], 'video'), 'uri');
  if (uri !== undefined) return uri;
  if (reasons.length > 0 || Number(fieldOf(result, 'raiMediaFilteredCount') ?? 0) > 0) {
    throw refused(client.context, clip(reasons.join('; ') || 'the video was filtered'));
  }
  throw malformed(client.context, 'the finished job has no video');
}

/** Downloads the file; the key goes only to the API's own origin, never to a redirect's target. */
async function download(
  client: GoogleClient,
  uri: string,
  budget: CallBudget,
): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const sameOrigin = new URL(uri).origin === new URL(client.baseUrl).origin;
  const first = await sendWithin(
    client.http,
    uri,
    { method: 'GET', headers: sameOrigin ? headersOf(client, false) : {}, redirect: 'manual' },
    budget,
    client.context,
  );
  let response = first;
  const location = first.headers.get('location');
  if (first.status >= 300 && first.status < 400 && location !== null) {
    const target = new URL(location, uri).toString();
    response = await sendWithin(client.http, target, { method: 'GET' }, budget, client.context);
  }
  if (response.status !== 200) throw googleFailure(response, client.context, '(video download)');
  return { bytes: response.bytes, mimeType: expectVideo(response.bytes, client.context) };
}
