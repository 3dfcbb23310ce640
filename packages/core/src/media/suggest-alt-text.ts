/**
 * Alt text suggested by a vision model (task `alt_text`, local first like every task): the image is
 * shrunk to at most 1024 px as JPEG and sent with a short instruction; the answer is a suggestion the
 * person edits and saves (nothing is stored here). Budget and ledger as every model call.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { mediaAssets } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';
import type { LlmGateway } from '@plume/llm/gateway/gateway';
import type { MediaStore } from './media-store.ts';

export const ALT_TEXT_MAX = 1000;

const SYSTEM = [
  'You write alt text for images posted on social media, for people who use screen readers.',
  'Describe what the image shows in one or two plain sentences (at most 250 characters):',
  'the subject, the action, the setting and any text written in the image. Do not start with',
  '"Image of" or "Picture of", do not guess who real people are, and answer with the alt text only.',
].join(' ');

async function shrink(bytes: Uint8Array): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  const jpeg = await sharp(bytes, { animated: false })
    .resize({ width: 1024, height: 1024, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer();
  return new Uint8Array(jpeg);
}

export async function suggestAltText(
  deps: { db: Database; media: MediaStore; gateway: Pick<LlmGateway, 'generate'> },
  input: {
    workspaceId: string;
    userId: string | null;
    mediaId: string;
    context?: string | undefined;
    language?: string | undefined;
  },
): Promise<{ altText: string; provider: string; model: string; costMicros: number }> {
  const [row] = await deps.db
    .select({ kind: mediaAssets.kind, storageKey: mediaAssets.storageKey })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.workspaceId, input.workspaceId), eq(mediaAssets.id, input.mediaId)));
  if (row === undefined) throw AppError.notFound('media file');
  if (row.kind !== 'image' && row.kind !== 'gif')
    throw new AppError('invalid_state', { detail: 'Alt text is suggested for images only.' });
  const image = await shrink(await deps.media.read(row.storageKey));
  const ask = [
    'Write the alt text for this image.',
    input.context === undefined ? '' : `The post is about: ${input.context}`,
    input.language === undefined ? '' : `Answer in the language ${input.language}.`,
  ]
    .filter((line) => line !== '')
    .join('\n');
  const answer = await deps.gateway.generate({
    workspaceId: input.workspaceId,
    userId: input.userId,
    task: 'alt_text',
    cache: false,
    call: {
      system: SYSTEM,
      messages: [{ role: 'user', content: ask, images: [{ bytes: image, mimeType: 'image/jpeg' }] }],
      maxOutputTokens: 200,
      temperature: 0.2,
    },
  });
  const altText = answer.text
    .trim()
    .replace(/^["'“]|["'”]$/g, '')
    .trim()
    .slice(0, ALT_TEXT_MAX);
  if (altText === '') throw new AppError('llm_refused', { detail: 'The model answered no description.' });
  return { altText, provider: answer.provider, model: answer.model, costMicros: answer.costMicros };
}
