import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { xProvider } from '@plume/networks/x/provider';
import { describe, expect, it } from 'vitest';
import type { ResolvedContent } from './resolve-target-content.ts';
import { validateTarget, type MediaFacts, type TargetToCheck } from './validate-targets.ts';

const content = (text: string, mediaIds: string[] = []): ResolvedContent => ({
  text,
  title: undefined,
  mediaIds,
  link: undefined,
  thread: [],
  firstComment: undefined,
  hashtags: [],
});

function target(overrides: Partial<TargetToCheck>): TargetToCheck {
  return {
    index: 0,
    provider: mastodonProvider,
    accountStatus: 'connected',
    accountMetadata: {},
    content: content('hello'),
    settings: {},
    media: new Map(),
    ...overrides,
  };
}

describe('validateTarget: text as the network counts it', () => {
  it('counts a Mastodon content warning with the text (StatusLengthValidator)', () => {
    const warned = { settings: { spoilerText: 'w'.repeat(100) } };
    expect(validateTarget(target({ ...warned, content: content('t'.repeat(450)) }))).toEqual([
      {
        path: 'targets.0.text',
        message:
          'The text is 550 characters as Mastodon counts them (the content warning counts too); Mastodon allows 500. Shorten it by 50.',
      },
    ]);
    expect(validateTarget(target({ ...warned, content: content('t'.repeat(400)) }))).toEqual([]);
    expect(validateTarget(target({ content: content('t'.repeat(450)) }))).toEqual([]);
  });

  it('counts the warning against the server’s own limit and URL weight', () => {
    // 50 (warning) + 39 + 1 + 10 (the URL, at this server's weight) = 100.
    const server = {
      accountMetadata: { maxCharacters: '100', charactersPerUrl: '10' },
      settings: { spoilerText: 'w'.repeat(50) },
    };
    expect(
      validateTarget(target({ ...server, content: content(`${'t'.repeat(39)} https://example.com/a/long/path`) })),
    ).toEqual([]);
    expect(
      validateTarget(target({ ...server, content: content(`${'t'.repeat(40)} https://example.com/a/long/path`) })),
    ).toHaveLength(1);
  });

  it('refuses an X post with a byte order mark, as X does', () => {
    expect(validateTarget(target({ provider: xProvider, content: content('hello\uFEFF world') }))).toEqual([
      { path: 'targets.0.text', message: 'X refuses posts with the invisible character U+FEFF; remove it.' },
    ]);
  });

  it('counts a scheme-less link on X as 23', () => {
    expect(validateTarget(target({ provider: xProvider, content: content(`${'a'.repeat(256)} example.com`) }))).toEqual(
      [],
    );
    expect(validateTarget(target({ provider: xProvider, content: content(`${'a'.repeat(257)} example.com`) }))).toEqual(
      [
        {
          path: 'targets.0.text',
          message: 'The text is 281 characters as X counts them; X allows 280. Shorten it by 1.',
        },
      ],
    );
  });
});

describe('validateTarget: X video length', () => {
  const video = (durationSec: number): ReadonlyMap<string, MediaFacts> =>
    new Map([
      [
        'v1',
        {
          id: 'v1',
          kind: 'video',
          mimeType: 'video/mp4',
          bytes: 5_000_000,
          width: 1280,
          height: 720,
          durationSec,
          altText: undefined,
        },
      ],
    ]);

  it('takes 0.5 to 140 seconds and refuses longer (docs.x.com media best practices)', () => {
    const x = { provider: xProvider, content: content('clip', ['v1']) };
    expect(validateTarget(target({ ...x, media: video(140) }))).toEqual([]);
    expect(validateTarget(target({ ...x, media: video(141) }))).toEqual([
      { path: 'targets.0.mediaIds.0', message: 'The video is 141 s long; X allows 140 s.' },
    ]);
    expect(validateTarget(target({ ...x, media: video(0.4) }))).toHaveLength(1);
  });
});
