/** Uploads probed by ffprobe, and a slideshow asked for, rendered by its job and put in the vault (real ffmpeg). */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { mediaAssets } from '@plume/db/schema/media';
import { workspaces } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import { createSlideshowBody } from '@plume/contract/media/slideshow-schemas';
import { probeBytes } from '@plume/media/video/probe-media';
import { testPicture, toneM4a, webmClip } from '@plume/media/video/video-test-support';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { rejectionOf } from '@plume/testing/rejection-of';
import { createDiskMediaStore, type MediaStore } from '../media-store.ts';
import { saveMedia } from '../save-media.ts';
import { runSlideshow } from './run-slideshow.ts';
import { getSlideshow, startSlideshow } from './start-slideshow.ts';
import { conformingVideo } from './video-renditions.ts';

let database: TestDatabase;
let db: Database;
let media: MediaStore;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 2 });
  dataDir = await mkdtemp(path.join(tmpdir(), 'plume-slideshow-test-'));
  media = createDiskMediaStore(dataDir);
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
});

async function workspace(): Promise<string> {
  const id = `ws_${randomUUID().slice(0, 8)}`;
  await db.insert(workspaces).values({ id, name: 'Video', slug: id, timezone: 'Europe/Paris' });
  return id;
}

const upload = (workspaceId: string, fileName: string, declaredType: string, bytes: Uint8Array) =>
  saveMedia({ db, media }, { workspaceId, userId: null, fileName, declaredType, bytes });

describe('uploads probed by ffprobe', () => {
  it(
    'stores a video’s real type, length, size and codecs, whatever the browser said',
    { timeout: 60_000 },
    async () => {
      const workspaceId = await workspace();
      const saved = await upload(workspaceId, 'clip.mp4', 'application/octet-stream', await webmClip(2));
      expect(saved).toMatchObject({ kind: 'video', mimeType: 'video/webm', width: 320, height: 240 });
      expect(saved.durationSec).toBeCloseTo(2, 0);
      const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, saved.id));
      expect(row).toMatchObject({ videoCodec: 'vp9', audioCodec: 'opus' });
    },
  );

  it('takes sound files as audio', { timeout: 60_000 }, async () => {
    const saved = await upload(await workspace(), 'voice.m4a', 'audio/mp4', await toneM4a(1));
    expect(saved).toMatchObject({ kind: 'audio', mimeType: 'audio/mp4', width: null });
    expect(saved.durationSec).toBeGreaterThan(0.9);
  });

  it('refuses a file ffprobe cannot read, in plain words', async () => {
    const error = await rejectionOf(
      upload(await workspace(), 'movie.mp4', 'video/mp4', new TextEncoder().encode('not a movie')),
      AppError,
    );
    expect(error).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect(error.detail).toMatch(/MP4, MOV or WebM video/);
  });
});

describe('slideshows', () => {
  it('renders into the vault with progress, provenance and a conforming MP4', { timeout: 240_000 }, async () => {
    const workspaceId = await workspace();
    const pictures = await Promise.all([0, 200].map((hue) => testPicture(640, 480, hue)));
    const [first, second] = await Promise.all(
      pictures.map((bytes, i) => upload(workspaceId, `p${i}.jpg`, 'image/jpeg', bytes)),
    );
    const voice = await upload(workspaceId, 'voice.m4a', 'audio/mp4', await toneM4a(2));
    await db.update(mediaAssets).set({ aiGenerated: true, source: 'ai' }).where(eq(mediaAssets.id, second!.id));
    const request = createSlideshowBody.parse({
      slides: [
        { mediaId: first!.id, caption: 'First', durationSec: 1 },
        { mediaId: second!.id, caption: 'Second', durationSec: 1 },
      ],
      aspectRatio: '1:1',
      voiceOverMediaId: voice.id,
    });
    const started = await startSlideshow(db, { workspaceId, userId: null, request });
    expect(started).toMatchObject({ state: 'queued', progress: 0 });
    const jobs = await db.execute(
      sql`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'render_slideshow'`,
    );
    expect(jobs.rows[0]).toMatchObject({ n: 1 });

    expect(await runSlideshow({ db, media }, started.id)).toBe('succeeded');
    const done = await getSlideshow(db, workspaceId, started.id);
    expect(done).toMatchObject({ state: 'succeeded', progress: 1, error: null });
    const [video] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, done.resultMediaIds[0]!));
    expect(video).toMatchObject({
      kind: 'video',
      mimeType: 'video/mp4',
      width: 1080,
      height: 1080,
      videoCodec: 'h264',
      audioCodec: 'aac',
      source: 'ai',
      aiGenerated: true,
    });
    expect(video?.provenance?.sourceMediaIds?.sort()).toEqual([first!.id, second!.id, voice.id].sort());
    const probe = await probeBytes(await media.read(video!.storageKey));
    expect(probe?.durationSec).toBeGreaterThan(2.3);
    // A second run of the job leaves the finished slideshow alone.
    expect(await runSlideshow({ db, media }, started.id)).toBe('skipped');
  });

  it('refuses inputs of the wrong kind or of another workspace, at their field', async () => {
    const workspaceId = await workspace();
    const voice = await upload(workspaceId, 'voice.m4a', 'audio/mp4', await toneM4a(1));
    const request = createSlideshowBody.parse({ slides: [{ mediaId: voice.id }], voiceOverMediaId: randomUUID() });
    const error = await rejectionOf(startSlideshow(db, { workspaceId, userId: null, request }), AppError);
    expect(error.errors).toEqual([
      { path: 'body/slides/0/mediaId', message: 'A slide must be an image.' },
      { path: 'body/voiceOverMediaId', message: 'No such media file in this workspace.' },
    ]);
    const other = await workspace();
    const started = await startSlideshow(db, {
      workspaceId,
      userId: null,
      request: createSlideshowBody.parse({
        slides: [{ mediaId: (await upload(workspaceId, 'p.jpg', 'image/jpeg', await testPicture(64, 64, 10))).id }],
      }),
    });
    await expect(getSlideshow(db, other, started.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('fails in plain words when a file was deleted before the render', { timeout: 60_000 }, async () => {
    const workspaceId = await workspace();
    const picture = await upload(workspaceId, 'p.jpg', 'image/jpeg', await testPicture(64, 64, 90));
    const request = createSlideshowBody.parse({ slides: [{ mediaId: picture.id }] });
    const started = await startSlideshow(db, { workspaceId, userId: null, request });
    await db.delete(mediaAssets).where(eq(mediaAssets.id, picture.id));
    expect(await runSlideshow({ db, media }, started.id)).toBe('failed');
    expect(await getSlideshow(db, workspaceId, started.id)).toMatchObject({
      state: 'failed',
      error: 'A file of this slideshow was deleted from the vault.',
    });
  });
});

describe('renditions before publishing', () => {
  it('makes a conforming MP4 once and reuses it', { timeout: 120_000 }, async () => {
    const workspaceId = await workspace();
    const saved = await upload(workspaceId, 'clip.webm', 'video/webm', await webmClip(2));
    const [source] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, saved.id));
    const { instagramManifest } = await import('@plume/networks/instagram/manifest');
    const rule = instagramManifest.media.rules.find((candidate) => candidate.kind === 'video')!;
    const rendition = await conformingVideo({ db, media }, source!, rule, 'Instagram');
    expect(rendition).toMatchObject({
      mimeType: 'video/mp4',
      videoCodec: 'h264',
      audioCodec: 'aac',
      tags: ['rendition'],
    });
    expect(rendition.provenance?.sourceMediaIds).toEqual([source!.id]);
    expect((await conformingVideo({ db, media }, source!, rule, 'Instagram')).id).toBe(rendition.id);
    const tooShort = { ...rule, maxDurationSec: 1 };
    await expect(conformingVideo({ db, media }, source!, tooShort, 'Instagram')).rejects.toThrow(/allow trimming/);
  });
});
