/**
 * Generation jobs end to end on a real database, through the real media gateway (routing, budget,
 * ledger) against the OpenAI media fake over HTTP: results land in the vault pending approval with
 * their provenance, progress moves, refusals and budgets fail in plain words, blank images are dropped.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { llmBudgets, llmUsage } from '@plume/db/schema/llm';
import { mediaAssets, mediaGenerations } from '@plume/db/schema/media';
import { workspaces } from '@plume/db/schema/workspaces';
import { createHttpClient } from '@plume/http/http-client';
import { createCircuitBreakers } from '@plume/llm/gateway/circuit-breaker';
import { createMediaGateway } from '@plume/media/gateway/media-gateway';
import { createMediaProviderDirectory } from '@plume/media/providers/media-provider-directory';
import { startOpenAiMediaFake, type OpenAiMediaFake } from '@plume/testing/fakes/media/openai-media-fake';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { createGatewayStore } from '../../llm/gateway-store.ts';
import { createDiskMediaStore, type MediaStore } from '../media-store.ts';
import { createCharacter } from '../characters/manage-characters.ts';
import { cancelGeneration, createGeneration } from './create-generation.ts';
import { readGeneration } from './generation-views.ts';
import { runGeneration, type GenerationDeps } from './run-generation.ts';

let database: TestDatabase;
let db: Database;
let fake: OpenAiMediaFake;
let media: MediaStore;
let mediaDir: string;
let deps: GenerationDeps;
let workspaceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 3 });
  // A local OpenAI-compatible image and speech server (what a LocalAI or speaches install offers).
  fake = await startOpenAiMediaFake({ apiKey: null, flavor: 'compatible', models: ['sdxl-turbo', 'kokoro'] });
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'plume-generation-'));
  media = createDiskMediaStore(mediaDir);
});
afterAll(async () => {
  await fake.close();
  await closeDatabase(db);
  await database.drop();
  await rm(mediaDir, { recursive: true, force: true });
});

beforeEach(async () => {
  fake.reset();
  workspaceId = `ws-gen-${Math.random().toString(36).slice(2, 10)}`;
  await db.insert(workspaces).values({ id: workspaceId, name: 'Gen', slug: workspaceId, timezone: 'UTC' });
  const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'], retries: 0 });
  const directory = createMediaProviderDirectory({
    store: { listWorkspaceMediaProviders: async () => [] },
    decrypt: (text) => text,
    instance: { openaiCompatibleImageUrl: `${fake.url}/v1`, speechUrl: `${fake.url}/v1` },
    instanceHttp: http,
    workspaceHttp: http,
  });
  const gateway = createMediaGateway({
    store: createGatewayStore(db),
    providers: (id) => directory.list(id),
    breakers: createCircuitBreakers(),
  });
  deps = { db, media, gateway };
});

async function start(body: Parameters<typeof createGeneration>[1]['body']) {
  return createGeneration(db, { workspaceId, userId: null, body });
}

describe('image generation', () => {
  it('puts each image in the vault pending approval with its provenance and one ledger row per image', async () => {
    const character = await createCharacter(db, {
      workspaceId,
      userId: null,
      body: {
        name: 'Mia',
        description: 'a friendly barista',
        appearance: { hair: 'short red', clothing: 'a green apron' },
        referenceStrength: 0.6,
      },
    });
    const job = await start({
      kind: 'image',
      prompt: 'Pouring latte art in a sunny café',
      style: 'watercolor',
      aspectRatio: '1:1',
      count: 3,
      characterId: character.id,
    });
    expect(job.state).toBe('queued');

    await expect(runGeneration(deps, job.id)).resolves.toEqual({ generationId: job.id, state: 'succeeded' });

    const done = await readGeneration(db, workspaceId, job.id);
    expect(done).toMatchObject({ state: 'succeeded', progress: 1, provider: 'local-images', costMicros: 0 });
    expect(done.resultMediaIds).toHaveLength(3);
    const prompts = fake.requests.filter((request) => request.path.endsWith('/images/generations'));
    expect(prompts).toHaveLength(3);
    const sent = (prompts[0]?.body as { prompt: string }).prompt;
    expect(sent).toContain('Pouring latte art');
    expect(sent).toContain('watercolor painting');
    expect(sent).toContain('hair short red');

    const items = await db.select().from(mediaAssets).where(eq(mediaAssets.workspaceId, workspaceId));
    expect(items).toHaveLength(3);
    const usage = await db.select().from(llmUsage).where(eq(llmUsage.workspaceId, workspaceId));
    expect(usage).toHaveLength(3);
    for (const item of items) {
      expect(item).toMatchObject({
        kind: 'image',
        source: 'ai',
        approval: 'pending',
        aiGenerated: true,
        characterId: character.id,
      });
      expect(item.provenance).toMatchObject({
        provider: 'local-images',
        model: 'sdxl-turbo',
        style: 'watercolor',
        aspectRatio: '1:1',
        generationId: job.id,
        costMicros: 0,
      });
      expect(usage.map((row) => row.id)).toContain(item.provenance?.usageId);
    }
    // The character's seed, counted up per image, so a batch differs but each image can be made again.
    const seeds = items.map((item) => item.provenance?.seed).sort();
    expect(new Set(seeds).size).toBe(3);
  });

  it('drops a blank image and records why', async () => {
    const job = await start({ kind: 'image', prompt: 'A blank canvas on an easel', aspectRatio: '1:1', count: 2 });
    await runGeneration(deps, job.id);
    const done = await readGeneration(db, workspaceId, job.id);
    expect(done.state).toBe('failed');
    expect(done.resultMediaIds).toEqual([]);
    expect(done.dropped).toEqual([
      { index: 0, reason: 'The image is blank (one flat colour).' },
      { index: 1, reason: 'The image is blank (one flat colour).' },
    ]);
    expect(done.error).toContain('No image passed the quality checks');
    expect(await db.select().from(mediaAssets).where(eq(mediaAssets.workspaceId, workspaceId))).toEqual([]);
  });

  it('fails in plain words when the provider refuses the prompt', async () => {
    const job = await start({
      kind: 'image',
      prompt: 'Something forbidden by the provider',
      aspectRatio: '1:1',
      count: 1,
    });
    await runGeneration(deps, job.id);
    const done = await readGeneration(db, workspaceId, job.id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/^The provider refused to make this image \(its content policy\)/);
  });

  it('fails in plain words when the budget is used up, without asking a provider', async () => {
    await db.insert(llmBudgets).values({ workspaceId, dailyRequestLimit: 0 });
    const job = await start({ kind: 'image', prompt: 'A lighthouse at dawn', aspectRatio: '1:1', count: 2 });
    await runGeneration(deps, job.id);
    const done = await readGeneration(db, workspaceId, job.id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/^The workspace's budget is reached, so no image was made\./);
    expect(fake.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('moves progress as each image arrives and stops at a cancel, keeping what it made', async () => {
    const job = await start({ kind: 'image', prompt: 'A lighthouse at dawn', aspectRatio: '1:1', count: 4 });
    // Slow answers, so the cancel lands between images.
    fake.setFirstByteDelay(300);
    const running = runGeneration(deps, job.id);
    let seen = 0;
    for (let tries = 0; tries < 100 && seen === 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = (await readGeneration(db, workspaceId, job.id)).resultMediaIds.length;
    }
    const midway = await readGeneration(db, workspaceId, job.id);
    expect(midway.progress).toBeGreaterThan(0);
    expect(midway.progress).toBeLessThan(1);
    await cancelGeneration(db, workspaceId, job.id);
    await expect(running).resolves.toMatchObject({ state: 'cancelled' });
    const done = await readGeneration(db, workspaceId, job.id);
    expect(done.state).toBe('cancelled');
    expect(done.resultMediaIds.length).toBeGreaterThan(0);
    expect(done.resultMediaIds.length).toBeLessThan(4);
  });

  it('never starts a job cancelled while queued', async () => {
    const job = await start({ kind: 'image', prompt: 'A lighthouse at dawn', aspectRatio: '1:1', count: 1 });
    await cancelGeneration(db, workspaceId, job.id);
    await expect(runGeneration(deps, job.id)).resolves.toMatchObject({ state: 'skipped' });
    expect(fake.requests).toEqual([]);
  });
});

describe('speech generation', () => {
  it("speaks in the character's voice and stores the audio pending approval", async () => {
    const character = await createCharacter(db, {
      workspaceId,
      userId: null,
      body: {
        name: 'Narrator',
        description: '',
        appearance: {},
        referenceStrength: 0.6,
        voice: { voice: 'af_bella', speed: 1.1 },
      },
    });
    const job = await start({
      kind: 'speech',
      text: 'Welcome to our bakery!',
      format: 'mp3',
      characterId: character.id,
    });
    await expect(runGeneration(deps, job.id)).resolves.toMatchObject({ state: 'succeeded' });
    const speech = fake.requests.find((request) => request.path.endsWith('/audio/speech'));
    expect(speech?.body).toMatchObject({ input: 'Welcome to our bakery!', voice: 'af_bella', speed: 1.1 });
    const [item] = await db.select().from(mediaAssets).where(eq(mediaAssets.workspaceId, workspaceId));
    expect(item).toMatchObject({ kind: 'audio', mimeType: 'audio/mpeg', approval: 'pending', aiGenerated: true });
    const [row] = await db.select().from(mediaGenerations).where(eq(mediaGenerations.id, job.id));
    expect(row?.resultMediaIds).toEqual([item?.id]);
  });
});
