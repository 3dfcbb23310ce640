import { describe, expect, it } from 'vitest';
import { engagementOf } from './history-post.ts';
import { HistoryCsvError, readHistoryCsv } from './read-history-csv.ts';

const fiveThirtyEight = [
  'created_at,text,url,replies,retweets,favorites,user',
  '10/16/17 22:59,"Second, with a comma",https://twitter.com/a/status/2,17,89,641,BarackObama',
  '1/2/15 9:05,First post,https://twitter.com/a/status/1,1,2,3,BarackObama',
].join('\n');

describe('readHistoryCsv', () => {
  it("reads FiveThirtyEight's export, oldest first, times in the source zone", () => {
    const { format, posts, errors } = readHistoryCsv(fiveThirtyEight);
    expect(format).toBe('fivethirtyeight');
    expect(errors).toEqual([]);
    expect(posts.map((post) => post.publishedAt.toISOString())).toEqual([
      '2015-01-02T09:05:00.000Z',
      '2017-10-16T22:59:00.000Z',
    ]);
    expect(posts[1]).toMatchObject({
      text: 'Second, with a comma',
      likes: 641,
      reposts: 89,
      replies: 17,
      network: 'x',
      remoteId: '2',
    });
    expect(engagementOf(posts[1]!)).toBe(747);
    const paris = readHistoryCsv(fiveThirtyEight, { sourceZone: 'Europe/Paris' });
    expect(paris.posts[0]?.publishedAt.toISOString()).toBe('2015-01-02T08:05:00.000Z');
  });

  it('reads Latin-1 bytes (not valid UTF-8) without losing a character', () => {
    const bytes = Uint8Array.from([...Buffer.from(fiveThirtyEight.replace('First post', 'Caf? ok'), 'latin1')]);
    bytes[bytes.indexOf(0x3f)] = 0xe9; // é in Latin-1, an invalid lone byte in UTF-8
    expect(readHistoryCsv(bytes).posts[0]?.text).toBe('Café ok');
  });

  it('reads the generic format with its optional columns', () => {
    const { format, posts, errors } = readHistoryCsv(
      [
        'published_at,network,text,likes,reposts,replies,impressions,has_media,has_link',
        '2026-03-01T09:30:00+01:00,Mastodon,Hello,5,1,2,300,yes,false',
        '2026-03-02T10:00:00Z,bluesky,Plain,0,0,0,,,',
      ].join('\n'),
    );
    expect(format).toBe('generic');
    expect(errors).toEqual([]);
    expect(posts[0]).toEqual({
      publishedAt: new Date('2026-03-01T08:30:00Z'),
      network: 'mastodon',
      text: 'Hello',
      likes: 5,
      reposts: 1,
      replies: 2,
      impressions: 300,
      hasMedia: true,
      hasLink: false,
    });
    expect(posts[1]).not.toHaveProperty('impressions');
    expect(posts[1]).not.toHaveProperty('hasMedia');
  });

  it('lists bad rows with their line number and keeps the good ones', () => {
    const { posts, errors } = readHistoryCsv(
      [
        'published_at,network,text,likes,reposts,replies',
        '2026-03-01T09:30:00Z,x,ok,1,2,3',
        '2026-03-01 09:30,x,no offset,1,2,3',
        '2026-03-01T09:30:00Z,x,negative,-1,2,3',
        '2026-03-01T09:30:00Z,x,"two',
        'lines",1,2,many',
        '2026-03-01T09:30:00Z,x,flag,1,2,3',
      ].join('\n') + '\n',
    );
    expect(posts).toHaveLength(2);
    expect(errors).toEqual([
      { line: 3, message: expect.stringMatching(/^published_at must be an ISO 8601 time with its offset/) },
      { line: 4, message: 'likes must be a whole number ≥ 0, got "-1"' },
      { line: 6, message: 'replies must be a whole number ≥ 0, got "many"' },
    ]);
    const bad = readHistoryCsv(
      'created_at,text,replies,retweets,favorites\n13/40/17 9:00,x,1,1,1\n2/30/17 9:00,y,1,1,1',
    );
    expect(bad.errors.map((error) => error.line)).toEqual([2, 3]);
    expect(bad.errors[1]?.message).toBe('created_at "2/30/17 9:00" is not a real date and time');
  });

  it('refuses a file with an unknown header or nothing in it, saying what it expected', () => {
    expect(() => readHistoryCsv('date,message,score\n1,2,3')).toThrow(HistoryCsvError);
    expect(() => readHistoryCsv('date,message,score\n1,2,3')).toThrow(/created_at, text, replies, retweets, favorites/);
    expect(() => readHistoryCsv('')).toThrow(/empty/);
    expect(() => readHistoryCsv('published_at,network\n"unclosed')).toThrow(/not a readable CSV/);
  });
});
