import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './create-app.ts';
import { createTestApp, type TestApp } from './test-support/test-app.ts';

let t: TestApp;
let app: FastifyInstance;
let distDir: string;

beforeAll(async () => {
  t = await createTestApp();
  distDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-web-dist-'));
  await fs.mkdir(path.join(distDir, 'assets'));
  await fs.writeFile(
    path.join(distDir, 'index.html'),
    '<!doctype html><link rel="stylesheet" href="/assets/app.css"><div id="root"></div>',
  );
  await fs.writeFile(path.join(distDir, 'assets', 'app.css'), 'body { color: black }');
  app = await buildApp({ ...t.context, webDistDir: distDir });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
  await fs.rm(distDir, { recursive: true, force: true });
});

describe('the web app and the API rate limit', () => {
  it('serves the stylesheet, index and client routes after the API budget of the address is spent', async () => {
    const remoteAddress = '10.77.0.1';
    let limited = 0;
    for (let index = 0; index < 601; index += 1) {
      const response = await app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress });
      if (response.statusCode === 429) limited += 1;
    }
    expect(limited).toBe(1);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress })).statusCode).toBe(429);

    const stylesheet = await app.inject({ method: 'GET', url: '/assets/app.css', remoteAddress });
    expect(stylesheet.statusCode).toBe(200);
    expect(stylesheet.headers['content-type']).toContain('text/css');
    expect((await app.inject({ method: 'GET', url: '/', remoteAddress })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/index.html', remoteAddress })).statusCode).toBe(200);
    const clientRoute = await app.inject({ method: 'GET', url: '/workspaces/abc/posts', remoteAddress });
    expect(clientRoute.statusCode).toBe(200);
    expect(clientRoute.body).toContain('id="root"');
  });
});
