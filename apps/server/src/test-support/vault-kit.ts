/** Test helpers for the vault's route tests: real PNGs, uploads as a browser sends them, AI items. */
import { crc32, deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Database } from '@plume/db/client';
import { mediaAssets } from '@plume/db/schema/media';
import type { TestUser } from './factories.ts';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real size×size RGB PNG of one colour: its bytes differ with the colour. */
export function pngOf(red: number, size = 4): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [red, 40, 90]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

export async function upload(
  app: FastifyInstance,
  user: TestUser,
  workspaceId: string,
  file: { name: string; bytes: Buffer; type?: string; altText?: string },
): Promise<{ status: number; body: { id: string; duplicate: boolean } & Record<string, unknown> }> {
  const boundary = 'vault-boundary';
  const alt =
    file.altText === undefined
      ? ''
      : `--${boundary}\r\nContent-Disposition: form-data; name="altText"\r\n\r\n${file.altText}\r\n`;
  const payload = Buffer.concat([
    Buffer.from(
      `${alt}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'image/png'}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/media`,
    headers: { ...user.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  return { status: response.statusCode, body: response.json() };
}

/** An AI result waiting for approval, as generation leaves it (no file on disk: lists never read files). */
export async function insertAiItem(
  db: Database,
  workspaceId: string,
  values: { fileName: string; prompt: string; tags?: string[]; sha256?: string },
): Promise<string> {
  const [row] = await db
    .insert(mediaAssets)
    .values({
      workspaceId,
      kind: 'image',
      mimeType: 'image/png',
      bytes: 1234,
      width: 1024,
      height: 1024,
      fileName: values.fileName,
      storageKey: `${workspaceId}/missing`,
      sha256: values.sha256 ?? `ai-${values.fileName}`,
      aiGenerated: true,
      source: 'ai',
      approval: 'pending',
      tags: values.tags ?? [],
      provenance: { provider: 'openai', model: 'gpt-image-1', prompt: values.prompt, costMicros: 40_000 },
    })
    .returning({ id: mediaAssets.id });
  if (row === undefined) throw new Error('media insert returned no row');
  return row.id;
}
