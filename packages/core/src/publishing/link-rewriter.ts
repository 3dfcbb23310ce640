/**
 * The link hook: every URL a target publishes (in its text, thread parts, first comment and link card)
 * passes through a `LinkRewriter` just before the network is called, so a shortener or click tracking
 * can replace it per target. Without one, links go out as written.
 */
import type { PublishRequest } from '@plume/networks/contract';
import { findUrls } from '@plume/networks/text/find-urls';

export type LinkContext = { workspaceId: string; postId: string; targetId: string; network: string };

/** Returns the URL to publish instead of `url` (or `url` itself). May not fail the publish: errors keep the original. */
export type LinkRewriter = (url: string, context: LinkContext) => Promise<string>;

async function rewriteText(text: string, rewrite: (url: string) => Promise<string>): Promise<string> {
  const spans = findUrls(text);
  if (spans.length === 0) return text;
  let result = '';
  let cursor = 0;
  for (const span of spans) {
    result += text.slice(cursor, span.start) + (await rewrite(text.slice(span.start, span.end)));
    cursor = span.end;
  }
  return result + text.slice(cursor);
}

/** The request with every link rewritten; the same URL is rewritten once per request. */
export async function rewriteLinks(
  request: PublishRequest,
  rewriter: LinkRewriter | undefined,
  context: LinkContext,
): Promise<PublishRequest> {
  if (rewriter === undefined) return request;
  const done = new Map<string, Promise<string>>();
  const rewrite = (url: string) => {
    let pending = done.get(url);
    if (pending === undefined) {
      pending = rewriter(url, context).catch(() => url);
      done.set(url, pending);
    }
    return pending;
  };
  const [first, ...rest] = request.parts;
  const parts = [
    { ...first, text: await rewriteText(first.text, rewrite) },
    ...(await Promise.all(rest.map(async (part) => ({ ...part, text: await rewriteText(part.text, rewrite) })))),
  ] as const;
  return {
    ...request,
    parts,
    ...(request.link === undefined ? {} : { link: await rewrite(request.link) }),
    ...(request.firstComment === undefined ? {} : { firstComment: await rewriteText(request.firstComment, rewrite) }),
  };
}
