/**
 * The media studio's routes in process on a real database: characters with consented references and
 * variations, and the safety rules as the API answers them (problem+json at the field, before any job
 * is queued). Jobs themselves are tested through the media gateway in core's run-generation.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { mediaGenerations } from '@plume/db/schema/media';
import { fakePng } from '@plume/testing/fakes/media/fake-media-bytes';
import { startOllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

type Problem = { code: string; detail: string; errors?: { path: string; message: string }[] };

let t: TestApp;
let owner: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.app, t.db, { name: 'Studio Owner' });
  outsider = await createUser(t.app, t.db, { name: 'Studio Outsider' });
  workspace = await createWorkspaceAs(t.app, owner);
  await createWorkspaceAs(t.app, outsider);
  base = `/api/v1/workspaces/${workspace.id}/media`;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, user = owner) =>
  t.app.inject({ method, url, headers: user.headers, ...(payload === undefined ? {} : { payload }) });

async function uploadImage(): Promise<string> {
  return uploadImageTo(t, owner, base);
}

async function uploadImageTo(app: TestApp, user: TestUser, url: string): Promise<string> {
  const png = fakePng(64, 64, 'a face');
  const boundary = 'studio-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="face.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await app.app.inject({
    method: 'POST',
    url,
    headers: { ...user.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function queuedJobs(): Promise<number> {
  const [row] = await t.db
    .select({ n: count() })
    .from(mediaGenerations)
    .where(eq(mediaGenerations.workspaceId, workspace.id));
  return row?.n ?? 0;
}

describe('characters', () => {
  it('creates a character with a drawn seed, adds a variation, and keeps it from other workspaces', async () => {
    const created = await call('POST', `${base}/characters`, {
      name: 'Mia',
      description: 'A friendly barista',
      appearance: { hair: 'short red', clothing: 'green apron' },
      style: 'illustration',
      voice: { voice: 'af_bella' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const mia = created.json<{ id: string; seed: number; referenceStrength: number }>();
    expect(Number.isInteger(mia.seed)).toBe(true);
    expect(mia.referenceStrength).toBe(0.6);

    const variation = await call('POST', `${base}/characters/${mia.id}/variations`, {
      name: 'Winter',
      appearance: { clothing: 'a wool coat' },
    });
    expect(variation.statusCode, variation.body).toBe(201);
    const again = await call('POST', `${base}/characters`, { name: 'Mia' });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().errors?.[0]?.path).toBe('body/name');

    const read = await call('GET', `${base}/characters/${mia.id}`);
    expect(read.json<{ variations: { name: string }[] }>().variations.map((item) => item.name)).toEqual(['Winter']);
    const foreign = await call(
      'GET',
      `/api/v1/workspaces/${workspace.id}/media/characters/${mia.id}`,
      undefined,
      outsider,
    );
    expect(foreign.statusCode).toBe(404);

    const preview = await call('POST', `${base}/characters/${mia.id}/preview`, {});
    expect(preview.statusCode, preview.body).toBe(201);
    expect(preview.json()).toMatchObject({ kind: 'image', state: 'queued', characterId: mia.id });
  });

  it('refuses an explicit look at its field', async () => {
    const response = await call('POST', `${base}/characters`, { name: 'Bad', appearance: { clothing: 'n.u.d.e' } });
    expect(response.statusCode).toBe(422);
    expect(response.json<Problem>()).toMatchObject({
      code: 'content_refused',
      errors: [{ path: 'body/appearance/clothing' }],
    });
  });

  it("asks who consented before keeping a real person's reference, and records who entered it", async () => {
    const character = (await call('POST', `${base}/characters`, { name: 'Jane' })).json<{ id: string }>();
    const mediaId = await uploadImage();
    const missing = await call('POST', `${base}/characters/${character.id}/references`, {
      mediaId,
      depictsRealPerson: true,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<Problem>().errors?.map((error) => error.path)).toEqual([
      'body/consentGivenBy',
      'body/consentStatement',
    ]);
    const consented = await call('POST', `${base}/characters/${character.id}/references`, {
      mediaId,
      depictsRealPerson: true,
      consentGivenBy: 'Jane Doe',
      consentStatement: 'Jane Doe agrees to AI images of her likeness for our bakery posts.',
    });
    expect(consented.statusCode, consented.body).toBe(201);
    expect(consented.json()).toMatchObject({ consentGivenBy: 'Jane Doe', consentRecordedBy: owner.id });
  });
});

describe('safety rules on generation requests', () => {
  it('refuses an explicit prompt before queueing anything', async () => {
    const before = await queuedJobs();
    const response = await call('POST', `${base}/generations`, { kind: 'image', prompt: 'a p0rn poster' });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<Problem>()).toMatchObject({
      code: 'content_refused',
      errors: [{ path: 'body/prompt', message: expect.stringContaining('sexual or explicit') }],
    });
    expect(await queuedJobs()).toBe(before);
  });

  it('refuses the likeness of a real person without a recorded consent', async () => {
    const response = await call('POST', `${base}/generations`, {
      kind: 'image',
      prompt: 'A photo of Taylor Swift holding our new mug',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json<Problem>()).toMatchObject({
      code: 'content_refused',
      errors: [{ path: 'body/prompt', message: expect.stringContaining('without a recorded consent') }],
    });
    const speech = await call('POST', `${base}/generations`, { kind: 'speech', text: 'An explicit sex story' });
    expect(speech.json<Problem>().errors?.[0]?.path).toBe('body/text');
  });

  it('allows the likeness of a person whose consent the workspace recorded', async () => {
    // Jane Doe's consent was recorded on a reference above.
    const response = await call('POST', `${base}/generations`, {
      kind: 'image',
      prompt: 'A photo of Jane Doe serving coffee',
      count: 2,
    });
    expect(response.statusCode, response.body).toBe(201);
    const job = response.json<{ id: string; state: string }>();
    expect(job.state).toBe('queued');
    const listed = await call('GET', `${base}/generations?limit=1`);
    expect(listed.json<{ items: { id: string }[] }>().items[0]?.id).toBe(job.id);
    const cancelled = await call('POST', `${base}/generations/${job.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled' });
    const twice = await call('POST', `${base}/generations/${job.id}/cancel`);
    expect(twice.statusCode).toBe(409);
  });
});

describe('alt text suggestion', () => {
  it('sends the image to the local vision model and answers a suggestion without saving it', async () => {
    const ollama = await startOllamaFake({
      answer: (prompt) =>
        prompt.messages.at(-1)?.images?.length === 1 ? 'A mint-green square on a white background.' : 'no image',
    });
    const local = await createTestApp({ OLLAMA_URL: ollama.url });
    try {
      const user = await createUser(local.app, local.db, { name: 'Alt Owner' });
      const space = await createWorkspaceAs(local.app, user);
      const mediaId = await uploadImageTo(local, user, `/api/v1/workspaces/${space.id}/media`);
      const response = await local.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${space.id}/media/${mediaId}/alt-text/suggest`,
        headers: user.headers,
        payload: { context: 'Our new mug colours' },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        altText: 'A mint-green square on a white background.',
        provider: 'ollama',
        costMicros: 0,
      });
      const chat = ollama.requests.find((request) => request.path === '/api/chat');
      const sent = (chat?.body?.['messages'] as { images?: string[] }[]).at(-1)?.images?.[0] ?? '';
      // A JPEG, base64 as Ollama's API takes it.
      expect(Buffer.from(sent, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      const media = await local.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${space.id}/media`,
        headers: user.headers,
      });
      expect(media.json<{ items: { altText: string | null }[] }>().items[0]?.altText).toBeNull();
    } finally {
      await local.close();
      await ollama.close();
    }
  });
});
