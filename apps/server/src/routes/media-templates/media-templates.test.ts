/**
 * The templates' routes in process on a real database and the real renderer: a font that is not a
 * font is refused at its field, a carousel renders one vault item per slide in slide order, the preview
 * is a PNG of the asked shape, and another workspace's design is not there (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

type Problem = { code: string; errors?: { path: string; message: string }[] };

let t: TestApp;
let owner: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.app, t.db, { name: 'Template Owner' });
  outsider = await createUser(t.app, t.db, { name: 'Template Outsider' });
  workspace = await createWorkspaceAs(t.app, owner);
  await createWorkspaceAs(t.app, outsider);
  base = `/api/v1/workspaces/${workspace.id}`;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', url: string, payload?: object, user = owner) =>
  t.app.inject({ method, url, headers: user.headers, ...(payload === undefined ? {} : { payload }) });

describe('brand fonts', () => {
  it('refuses a WOFF2 file at the file field, in plain words', async () => {
    const boundary = 'font-boundary';
    const woff2 = Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(60, 1)]);
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="family"\r\n\r\nBrand Sans\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="brand.woff2"\r\nContent-Type: font/woff2\r\n\r\n`,
      ),
      woff2,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: `${base}/brand-kit/fonts`,
      headers: { ...owner.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<Problem>();
    expect(problem.errors?.[0]?.path).toBe('body/file');
    expect(problem.errors?.[0]?.message).toMatch(/WOFF2/i);
  });
});

describe('templates', () => {
  it('previews a PNG at the shape asked for', async () => {
    const response = await call('POST', `${base}/media/templates/quote/preview`, {
      aspectRatio: '4:5',
      fields: { quote: 'Make the thing you wish existed.', author: 'A maker' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^image\/png/);
    // A PNG's size is in its IHDR chunk, right after the signature.
    const png = response.rawPayload;
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 1080, height: 1350 });
  });

  it('renders a carousel design into one vault item per slide, in slide order; others cannot see it', async () => {
    const created = await call('POST', `${base}/media/designs`, {
      name: 'Three tips',
      templateId: 'carousel',
      aspectRatio: '1:1',
      fields: { slides: [{ title: 'First tip' }, { title: 'Second tip' }, { title: 'Third tip' }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const design = created.json<{ id: string }>();
    const rendered = await call('POST', `${base}/media/designs/${design.id}/render`, {});
    expect(rendered.statusCode, rendered.body).toBe(201);
    const media = rendered.json<{ media: { id: string; width: number; height: number; fileName: string }[] }>().media;
    expect(media).toHaveLength(3);
    expect(media.every((item) => item.width === 1080 && item.height === 1080)).toBe(true);
    // Each slide's own image, in slide order.
    expect(new Set(media.map((item) => item.id)).size).toBe(3);
    expect(media.map((item) => item.fileName)).toEqual(['Three tips-1.png', 'Three tips-2.png', 'Three tips-3.png']);
    const listed = await call('GET', `${base}/media?source=template`);
    expect(listed.statusCode, listed.body).toBe(200);
    const ids = listed.json<{ items: { id: string }[] }>().items.map((item) => item.id);
    for (const item of media) expect(ids).toContain(item.id);

    const outsiderRead = await call('GET', `${base}/media/designs/${design.id}`, undefined, outsider);
    expect(outsiderRead.statusCode).toBe(404);
  });
});
