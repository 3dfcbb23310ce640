import { describe, expect, it } from 'vitest';
import type { PublishRequest } from '@plume/networks/contract';
import { rewriteLinks, type LinkRewriter } from './link-rewriter.ts';

const context = { workspaceId: 'w1', postId: 'p1', targetId: 't1', network: 'mastodon' };

const request: PublishRequest = {
  parts: [
    { text: 'Read https://plume.dev/a, then (https://plume.dev/b).', media: [] },
    { text: 'Again https://plume.dev/a', media: [] },
  ],
  link: 'https://plume.dev/card',
  firstComment: 'Source: https://example.com/x?y=1',
  settings: {},
  idempotencyKey: 't1',
};

describe('rewriteLinks', () => {
  it('sends links as written when there is no rewriter', async () => {
    expect(await rewriteLinks(request, undefined, context)).toBe(request);
  });

  it('rewrites every link in text, thread, first comment and card, once per URL, keeping punctuation', async () => {
    const seen: string[] = [];
    const shorten: LinkRewriter = async (url, given) => {
      seen.push(url);
      expect(given).toEqual(context);
      return `https://s.plume.dev/${seen.length}`;
    };
    const rewritten = await rewriteLinks(request, shorten, context);
    expect(rewritten.parts[0].text).toBe('Read https://s.plume.dev/1, then (https://s.plume.dev/2).');
    expect(rewritten.parts[1]?.text).toBe('Again https://s.plume.dev/1');
    expect(rewritten.link).toBe('https://s.plume.dev/3');
    expect(rewritten.firstComment).toBe('Source: https://s.plume.dev/4');
    expect(seen).toEqual([
      'https://plume.dev/a',
      'https://plume.dev/b',
      'https://plume.dev/card',
      'https://example.com/x?y=1',
    ]);
  });

  it('keeps the original link when the rewriter fails', async () => {
    const broken: LinkRewriter = () => Promise.reject(new Error('shortener down'));
    const rewritten = await rewriteLinks(request, broken, context);
    expect(rewritten.parts[0].text).toBe(request.parts[0].text);
    expect(rewritten.link).toBe(request.link);
  });
});
