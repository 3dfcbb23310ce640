/**
 * Google's resumable upload protocol for `videos.insert`: a POST with the metadata opens a session
 * (its URI comes back in `Location`), then PUTs send the bytes in chunks of a multiple of 256 KiB.
 * `308 Resume Incomplete` + `Range: bytes=0-N` says what arrived; after an interrupted chunk (dropped
 * connection, 5xx) a `Content-Range: bytes *\/TOTAL` query says where to resume, or that the upload in
 * fact completed (201 with the video). The video exists only once the last byte is in, so failures
 * before that are Retryable; when the last chunk may have arrived and the status cannot be learned the
 * outcome is unknown and an untyped error propagates (the engine marks the target unconfirmed).
 *
 * Docs: https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol
 */
import { z } from 'zod';
import type { NetworkContext, TokenSet } from '../../contract.ts';
import { Retryable, isProviderError } from '../../provider-errors.ts';
import { send } from '../../shared/network-call.ts';
import { bearer } from '../../shared/oauth2.ts';
import { youtubeVocabulary } from '../errors.ts';
import { googleFailure, parseGoogleBody } from '../google-call.ts';
import { requireEndpoint } from '../google-oauth.ts';
import type { VideoResource } from './video-metadata.ts';

/** Chunks must be a multiple of this (except the last). */
export const CHUNK_UNIT = 256 * 1024;

export interface UploadOptions {
  /** Bytes per PUT, a multiple of 256 KiB. Default 8 MiB. */
  chunkBytes?: number;
  /** Interruptions in a row without progress before giving up. Default 5. */
  maxResumes?: number;
  /** First wait before resuming; doubles each time. Default 1000 ms. */
  resumeDelayMs?: number;
}

/** The last chunk may have reached YouTube and its status could not be learned: the video may exist. */
export class UploadOutcomeUnknownError extends Error {
  override readonly name = 'UploadOutcomeUnknownError';
}

export const uploadedVideoSchema = z.looseObject({
  id: z.string().min(1),
  status: z.looseObject({ uploadStatus: z.string().optional() }).optional(),
});

export type UploadedVideo = z.infer<typeof uploadedVideoSchema>;

type Outcome = { done: true; video: UploadedVideo } | { done: false; nextOffset: number };

const CHUNK_TIMEOUT_MS = 120_000;
const what = 'upload the video to YouTube';

/** Opens an upload session; nothing is created yet, so every failure here is safe to retry. */
export async function startUploadSession(
  context: NetworkContext,
  tokens: TokenSet,
  input: { resource: VideoResource; bytes: number; mimeType: string; notifySubscribers: boolean },
): Promise<URL> {
  const upload = requireEndpoint(context, 'upload');
  const url = new URL(`${upload}/videos`);
  url.searchParams.set('uploadType', 'resumable');
  url.searchParams.set('part', 'snippet,status');
  url.searchParams.set('notifySubscribers', String(input.notifySubscribers));
  const headers = {
    ...bearer(tokens),
    'content-type': 'application/json; charset=UTF-8',
    'x-upload-content-length': String(input.bytes),
    'x-upload-content-type': input.mimeType,
  };
  let response: Response;
  try {
    response = await send(context.http, url, { method: 'POST', headers, body: JSON.stringify(input.resource) });
  } catch (error) {
    if (isProviderError(error)) throw error;
    throw new Retryable('The YouTube upload could not be started (no answer); no video was created.', { cause: error });
  }
  if (!response.ok)
    throw await googleFailure(response, {
      what: 'start the YouTube upload',
      now: context.now(),
      vocabulary: youtubeVocabulary,
    });
  await response.body?.cancel();
  return sessionUri(response.headers.get('location'), upload);
}

/** Sends the bytes, resuming after interruptions, and returns the created video. */
export async function uploadVideoBytes(
  context: NetworkContext,
  tokens: TokenSet,
  input: { session: URL; bytes: Uint8Array; mimeType: string },
  options: UploadOptions = {},
): Promise<UploadedVideo> {
  const chunkBytes = options.chunkBytes ?? 32 * CHUNK_UNIT;
  if (chunkBytes <= 0 || chunkBytes % CHUNK_UNIT !== 0)
    throw new RangeError('chunkBytes must be a positive multiple of 256 KiB');
  const total = input.bytes.byteLength;
  const call = { context, tokens, session: input.session, total };
  let offset = 0;
  let interruptions = 0;
  for (;;) {
    const end = Math.min(offset + chunkBytes, total);
    let outcome: Outcome;
    try {
      outcome = await putChunk(call, input.bytes.slice(offset, end), offset, input.mimeType);
    } catch (error) {
      if (!(error instanceof Interrupted)) throw error;
      interruptions += 1;
      const lastMayHaveArrived = error.mayHaveArrived && end === total;
      if (interruptions > (options.maxResumes ?? 5)) throw giveUp(error.cause, lastMayHaveArrived);
      await sleep((options.resumeDelayMs ?? 1000) * 2 ** (interruptions - 1));
      outcome = await queryStatus(call).catch((queryError: unknown) => {
        // An expired session never became a video; any other unclear answer after the last bytes is unknown.
        if (queryError instanceof SessionExpired) throw queryError;
        if (lastMayHaveArrived) throw giveUp(error.cause, true);
        if (isProviderError(queryError) && queryError.kind !== 'retryable') throw queryError;
        throw giveUp(error.cause, false);
      });
    }
    if (outcome.done) return outcome.video;
    if (outcome.nextOffset > offset) interruptions = 0;
    offset = outcome.nextOffset;
  }
}

interface SessionCall {
  context: NetworkContext;
  tokens: TokenSet;
  session: URL;
  total: number;
}

/** A chunk that did not get a clear answer; `mayHaveArrived` is false when nothing left this machine. */
class Interrupted extends Error {
  readonly mayHaveArrived: boolean;

  constructor(cause: unknown, mayHaveArrived: boolean) {
    super('upload chunk interrupted', { cause });
    this.mayHaveArrived = mayHaveArrived;
  }
}

/** An expired session (404/410) never became a video, whatever was sent. */
class SessionExpired extends Retryable {}

async function putChunk(
  call: SessionCall,
  chunk: Uint8Array<ArrayBuffer>,
  offset: number,
  mimeType: string,
): Promise<Outcome> {
  // Google said every byte arrived but sent no video: ask again.
  if (chunk.byteLength === 0) throw new Interrupted(new Error('all bytes acknowledged without a video'), true);
  const range = `bytes ${offset}-${offset + chunk.byteLength - 1}/${call.total}`;
  let response: Response;
  try {
    response = await send(call.context.http, call.session, {
      method: 'PUT',
      headers: { ...bearer(call.tokens), 'content-type': mimeType, 'content-range': range },
      body: chunk,
      redirect: 'manual',
      retries: 0,
      timeoutMs: CHUNK_TIMEOUT_MS,
    });
  } catch (error) {
    // send() turns only "never left this machine" failures into Retryable.
    if (error instanceof Retryable) throw new Interrupted(error, false);
    if (isProviderError(error)) throw error;
    throw new Interrupted(error, true);
  }
  return readOutcome(call, response, 'chunk');
}

/** Asks where the upload stands: `PUT` with no body and `Content-Range: bytes *\/TOTAL`. */
async function queryStatus(call: SessionCall): Promise<Outcome> {
  const response = await send(call.context.http, call.session, {
    method: 'PUT',
    headers: { ...bearer(call.tokens), 'content-range': `bytes */${call.total}` },
    body: new Uint8Array(0),
    redirect: 'manual',
  });
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    throw new SessionExpired('The YouTube upload session expired before the video was complete; it will start again.');
  }
  return readOutcome(call, response, 'status');
}

async function readOutcome(call: SessionCall, response: Response, kind: 'chunk' | 'status'): Promise<Outcome> {
  if (response.status === 200 || response.status === 201) {
    return { done: true, video: await parseGoogleBody(response, 'PUT', { what, schema: uploadedVideoSchema }) };
  }
  if (response.status === 308) {
    await response.body?.cancel();
    return { done: false, nextOffset: nextOffset(response.headers.get('range'), call.total) };
  }
  const failure = await googleFailure(response, { what, now: call.context.now(), vocabulary: youtubeVocabulary });
  // 5xx: Google asks clients to query the status and resume.
  if (failure.kind === 'retryable' && kind === 'chunk') throw new Interrupted(failure, true);
  throw failure;
}

/** `Range: bytes=0-N` → N + 1; no header means nothing arrived yet. */
function nextOffset(range: string | null, total: number): number {
  const match = range === null ? null : /bytes=0-(\d+)/.exec(range);
  if (match?.[1] === undefined) return 0;
  return Math.min(Number(match[1]) + 1, total);
}

function giveUp(cause: unknown, lastMayHaveArrived: boolean): Error {
  if (lastMayHaveArrived) {
    return new UploadOutcomeUnknownError(
      'The last part of the video was sent but YouTube never confirmed it; the video may exist.',
      { cause },
    );
  }
  return new Retryable('The YouTube upload was interrupted before the video was complete; no video was created.', {
    cause,
  });
}

/** The session URI must point back at Google (or at the configured upload host, e.g. a test fake). */
function sessionUri(location: string | null, upload: string): URL {
  if (location === null) throw new Retryable('YouTube did not return an upload address; no video was created.');
  let url: URL;
  try {
    url = new URL(location, upload);
  } catch {
    throw new Retryable('YouTube returned an unusable upload address; no video was created.');
  }
  const sameHost = url.origin === new URL(upload).origin;
  const google =
    url.protocol === 'https:' && (url.hostname === 'googleapis.com' || url.hostname.endsWith('.googleapis.com'));
  if (!sameHost && !google) throw new Retryable('YouTube returned an unexpected upload address; no video was created.');
  return url;
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
