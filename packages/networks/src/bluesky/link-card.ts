/**
 * The link card of a Bluesky post (`app.bsky.embed.external`: uri, title, description, optional thumb
 * blob). Bluesky does not build cards itself: the client reads the page's Open Graph tags, like the
 * Bluesky app does. Best effort: when the page cannot be read the card shows the address alone.
 * Docs: docs.bsky.app/docs/advanced-guides/posts#website-card-embeds
 */
import type { NetworkContext } from '../contract.ts';
import { readTextPrefix } from '@plume/http/response-body';
import { BLUESKY_IMAGE_BYTES } from './manifest.ts';
import { type BlobRef, uploadBlob } from './operations/upload-images.ts';

export interface ExternalEmbed {
  $type: 'app.bsky.embed.external';
  external: { uri: string; title: string; description: string; thumb?: BlobRef };
}

const PAGE_CHARS = 256 * 1024;
const FETCH_TIMEOUT_MS = 5000;
const THUMB_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number.parseInt(code.slice(1), 10));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Reads `<meta property|name="…" content="…">` tags and the `<title>` of an HTML page. */
export function readPageMeta(html: string): Map<string, string> {
  const meta = new Map<string, string>();
  for (const tag of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const match of tag[0].matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
      attributes.set((match[1] ?? '').toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
    }
    const key = (attributes.get('property') ?? attributes.get('name'))?.toLowerCase();
    const content = attributes.get('content');
    if (key !== undefined && content !== undefined && !meta.has(key)) meta.set(key, decodeEntities(content).trim());
  }
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1];
  if (title !== undefined) meta.set('html:title', decodeEntities(title).trim());
  return meta;
}

async function readBytes(response: Response, max: number): Promise<Uint8Array | undefined> {
  if (response.body === null) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) return undefined;
      chunks.push(value);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks);
}

async function fetchThumb(
  context: NetworkContext,
  repo: { base: string; token: string },
  imageUrl: string,
): Promise<BlobRef | undefined> {
  const response = await context.http.request(imageUrl, {
    method: 'GET',
    timeoutMs: FETCH_TIMEOUT_MS,
    retries: 0,
    headers: { accept: 'image/*' },
  });
  const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!response.ok || !THUMB_TYPES.has(type)) {
    await response.body?.cancel();
    return undefined;
  }
  const bytes = await readBytes(response, BLUESKY_IMAGE_BYTES);
  return bytes === undefined ? undefined : uploadBlob(context, repo, bytes, type);
}

/** Builds the card for `link`; never fails because of the linked page. */
export async function buildLinkCard(
  context: NetworkContext,
  repo: { base: string; token: string },
  link: string,
): Promise<ExternalEmbed> {
  const fallback: ExternalEmbed = {
    $type: 'app.bsky.embed.external',
    external: { uri: link, title: link, description: '' },
  };
  let meta: Map<string, string>;
  try {
    const response = await context.http.request(link, {
      method: 'GET',
      timeoutMs: FETCH_TIMEOUT_MS,
      retries: 0,
      headers: { accept: 'text/html' },
    });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('html')) {
      await response.body?.cancel();
      return fallback;
    }
    meta = readPageMeta(await readTextPrefix(response, PAGE_CHARS));
  } catch {
    return fallback;
  }
  const title = meta.get('og:title') ?? meta.get('twitter:title') ?? meta.get('html:title') ?? link;
  const description = meta.get('og:description') ?? meta.get('twitter:description') ?? meta.get('description') ?? '';
  const image = meta.get('og:image') ?? meta.get('twitter:image');
  let thumb: BlobRef | undefined;
  if (image !== undefined) {
    try {
      thumb = await fetchThumb(context, repo, new URL(image, link).href);
    } catch {
      thumb = undefined;
    }
  }
  return {
    $type: 'app.bsky.embed.external',
    external: {
      uri: link,
      title: title.slice(0, 300),
      description: description.slice(0, 1000),
      ...(thumb === undefined ? {} : { thumb }),
    },
  };
}
