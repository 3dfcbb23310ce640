import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from './http-client.ts';
import { useTestServers } from './test-server.ts';

const serve = useTestServers();

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('FormData bodies', () => {
  it('go out as multipart with their boundary, a caller-set Content-Type replaced, and survive a retry', async () => {
    const received: { contentType: string; body: Buffer }[] = [];
    const server = await serve((request, response) => {
      void readBody(request).then((body) => {
        received.push({ contentType: request.headers['content-type'] ?? '', body });
        response.statusCode = received.length === 1 ? 503 : 200;
        response.end('{}');
      });
    });
    const form = new FormData();
    form.set('caption', 'héllo');
    form.set('file', new Blob([new Uint8Array([0, 1, 2, 255])], { type: 'image/png' }), 'pixel.png');
    const client = createHttpClient({ allowPrivateHosts: ['127.0.0.1'], backoffBaseMs: 5, backoffMaxMs: 10 });
    const response = await client.request(server.url, {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'multipart/form-data' },
      idempotent: true,
    });

    expect(response.status).toBe(200);
    expect(received).toHaveLength(2);
    const [first, second] = received;
    const boundary = /boundary=(.+)$/.exec(first?.contentType ?? '')?.[1];
    expect(boundary).toBeTruthy();
    expect(second?.body.equals(first?.body ?? Buffer.alloc(0))).toBe(true);
    const text = first?.body.toString('latin1') ?? '';
    expect(text).toContain(`--${boundary}`);
    expect(text).toContain('name="caption"');
    expect(first?.body.includes(Buffer.from('héllo'))).toBe(true);
    expect(text).toContain('filename="pixel.png"');
    expect(first?.body.includes(Buffer.from([0, 1, 2, 255]))).toBe(true);
  });
});
