import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startYoutubeFake, type YoutubeFake } from '@plume/testing/fakes/youtube/youtube-fake';
import type { FakeRequest } from '@plume/testing/fakes/fake-network-server';
import type { AccountAuth, NetworkContext, PublishRequest } from '../contract.ts';
import { isProviderError } from '../provider-errors.ts';
import { MalformedResponse } from '../shared/network-call.ts';
import { youtubeManifest } from './manifest.ts';
import { publishYoutube } from './operations/publish.ts';
import {
  CHUNK_UNIT,
  UploadOutcomeUnknownError,
  startUploadSession,
  uploadVideoBytes,
} from './operations/resumable-upload.ts';

let fake: YoutubeFake;
let context: NetworkContext;
let account: AccountAuth;
const total = 2 * CHUNK_UNIT + 1000;
const bytes = Uint8Array.from({ length: total }, (_, index) => index % 251);
const resource = {
  snippet: { title: 'Chunked', description: '', categoryId: '22' },
  status: { privacyStatus: 'private', selfDeclaredMadeForKids: false },
};
const isPut = (request: FakeRequest): boolean => request.method === 'PUT';
const isStatusQuery = (request: FakeRequest): boolean =>
  isPut(request) && String(request.headers['content-range']).startsWith('bytes */');
const isLastChunk = (request: FakeRequest): boolean =>
  isPut(request) && String(request.headers['content-range']).startsWith(`bytes ${2 * CHUNK_UNIT}-`);

beforeAll(async () => {
  fake = await startYoutubeFake();
  context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  account = fake.account();
});
afterAll(async () => fake.close());
beforeEach(() => fake.server.reset());

async function upload(options: { chunkBytes?: number } = {}): Promise<string> {
  const session = await startUploadSession(context, account.tokens, {
    resource,
    bytes: total,
    mimeType: 'video/mp4',
    notifySubscribers: true,
  });
  const video = await uploadVideoBytes(
    context,
    account.tokens,
    { session, bytes, mimeType: 'video/mp4' },
    { chunkBytes: CHUNK_UNIT, resumeDelayMs: 0, ...options },
  );
  return video.id;
}

function putRanges(): string[] {
  return fake.server.requests.filter(isPut).map((request) => String(request.headers['content-range']));
}

describe('youtube resumable upload', () => {
  it('sends 256 KiB chunks, following the 308 Range answers, and gets the video on the last one', async () => {
    const id = await upload();
    expect(putRanges()).toEqual([
      `bytes 0-${CHUNK_UNIT - 1}/${total}`,
      `bytes ${CHUNK_UNIT}-${2 * CHUNK_UNIT - 1}/${total}`,
      `bytes ${2 * CHUNK_UNIT}-${total - 1}/${total}`,
    ]);
    expect(Buffer.from(bytes).equals(fake.state.videos.get(id)!.bytes)).toBe(true);
  });

  it('resends from where Google says it stopped when it kept only part of a chunk', async () => {
    fake.state.keepOnlyOfNextChunk = 1000;
    const id = await upload();
    expect(putRanges()[1]).toBe(`bytes 1000-${1000 + CHUNK_UNIT - 1}/${total}`);
    expect(Buffer.from(bytes).equals(fake.state.videos.get(id)!.bytes)).toBe(true);
  });

  it('asks for the status after a dropped chunk and resumes from the Range', async () => {
    fake.server.dropNext({
      match: (request) => isPut(request) && String(request.headers['content-range']).startsWith(`bytes ${CHUNK_UNIT}-`),
    });
    const id = await upload();
    const ranges = putRanges();
    expect(ranges[2]).toBe(`bytes */${total}`);
    expect(ranges[3]).toBe(`bytes ${2 * CHUNK_UNIT}-${total - 1}/${total}`);
    expect(Buffer.from(bytes).equals(fake.state.videos.get(id)!.bytes)).toBe(true);
  });

  it('resumes after a 503 on a chunk', async () => {
    fake.server.failNext({ status: 503, match: (request) => isPut(request) && !isStatusQuery(request) });
    const id = await upload();
    expect(putRanges().slice(0, 3)).toEqual([
      `bytes 0-${CHUNK_UNIT - 1}/${total}`,
      `bytes */${total}`,
      `bytes 0-${CHUNK_UNIT - 1}/${total}`,
    ]);
    expect(fake.state.videos.has(id)).toBe(true);
  });

  it('learns from the status query that a last chunk whose answer was lost did create the video', async () => {
    fake.server.dropNext({ match: isLastChunk });
    const id = await upload();
    expect(putRanges().at(-1)).toBe(`bytes */${total}`);
    expect(fake.state.videos.has(id)).toBe(true);
  });

  it('leaves the outcome unknown (not a typed error) when the last chunk and the status query both go unanswered', async () => {
    fake.server.dropNext({ match: isLastChunk });
    fake.server.dropNext({ match: isStatusQuery });
    const error: unknown = await upload().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadOutcomeUnknownError);
    expect(isProviderError(error)).toBe(false);
  });

  it('keeps the outcome unknown when the status query after a lost last chunk is refused (no AuthExpired retry)', async () => {
    fake.server.dropNext({ match: isLastChunk });
    fake.server.failNext({
      status: 401,
      body: { error: { code: 401, message: 'expired', errors: [{ reason: 'authError' }] } },
      match: isStatusQuery,
    });
    await expect(upload()).rejects.toBeInstanceOf(UploadOutcomeUnknownError);
  });

  it('is Retryable when an earlier chunk and its status query fail: no video can exist yet', async () => {
    fake.server.dropNext({ match: (request) => isPut(request) && !isStatusQuery(request) });
    fake.server.dropNext({ match: isStatusQuery });
    await expect(upload()).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('treats an unreadable 2xx on the last chunk as an unknown outcome', async () => {
    fake.server.malformNext({ match: isLastChunk, status: 201 });
    await expect(upload()).rejects.toBeInstanceOf(MalformedResponse);
  });

  it('restarts (Retryable) when the session expired', async () => {
    const session = await startUploadSession(context, account.tokens, {
      resource,
      bytes: total,
      mimeType: 'video/mp4',
      notifySubscribers: true,
    });
    for (const stored of fake.state.sessions.values()) stored.expired = true;
    fake.server.dropNext({ match: isPut });
    const attempt = uploadVideoBytes(
      context,
      account.tokens,
      { session, bytes, mimeType: 'video/mp4' },
      { chunkBytes: CHUNK_UNIT, resumeDelayMs: 0 },
    );
    await expect(attempt).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('rejects chunk sizes that are not a multiple of 256 KiB', async () => {
    await expect(
      uploadVideoBytes(
        context,
        account.tokens,
        { session: new URL(fake.server.url), bytes, mimeType: 'video/mp4' },
        { chunkBytes: 1000 },
      ),
    ).rejects.toBeInstanceOf(RangeError);
  });

  it('a publish whose last chunk and status query are lost is not a typed error', async () => {
    const request: PublishRequest = {
      parts: [
        {
          text: 'Title',
          media: [
            {
              id: 'v',
              kind: 'video',
              mimeType: 'video/mp4',
              bytes: 10,
              aiGenerated: false,
              fileName: 'v.mp4',
              publicUrl: 'https://x/v',
              read: async () => new Uint8Array(10),
            },
          ],
        },
      ],
      settings: youtubeManifest.settings.parse({}),
      idempotencyKey: 'k',
    };
    fake.server.dropNext({ match: (r) => isPut(r) && !isStatusQuery(r) });
    fake.server.dropNext({ match: isStatusQuery });
    const error: unknown = await publishYoutube(context, account, request, { resumeDelayMs: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect(isProviderError(error)).toBe(false);
    expect([...fake.state.videos.values()].some((video) => video.snippet['title'] === 'Title')).toBe(true);
  });
});
