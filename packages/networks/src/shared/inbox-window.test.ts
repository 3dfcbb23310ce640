import { describe, expect, it } from 'vitest';
import type { InboxItemReading } from '../inbox-contract.ts';
import { FIRST_READ_LOOKBACK_MS, isNew, readWatermarks, takeOldest } from './inbox-window.ts';

function item(remoteId: string, iso: string): InboxItemReading {
  return {
    remoteId,
    kind: 'comment',
    conversationKey: remoteId,
    parentRemoteId: null,
    postRemoteId: null,
    author: { id: 'a', handle: 'a', displayName: 'A' },
    text: '',
    createdAt: new Date(iso),
    url: null,
    fromAccount: false,
    meta: {},
  };
}

describe('inbox cursor window', () => {
  const now = new Date('2026-12-07T12:00:00Z');

  it('starts 7 days back without a cursor or with one it cannot read', () => {
    const start = Math.floor((now.getTime() - FIRST_READ_LOOKBACK_MS) / 1000);
    for (const cursor of [
      null,
      'not json',
      '{"v":2}',
      JSON.stringify({ v: 1, sources: { comments: { sec: -1, ids: [] } } }),
    ])
      expect(readWatermarks(cursor, ['comments', 'messages'], now).get('comments')).toEqual({ sec: start, ids: [] });
  });

  it('hands out the oldest first, keeps ids of the last second, and never hands out an item twice', () => {
    const marks = readWatermarks(null, ['comments', 'messages'], now);
    const candidates = [
      { source: 'comments', item: item('c3', '2026-12-07T10:00:05Z') },
      { source: 'comments', item: item('c1', '2026-12-07T10:00:00Z') },
      { source: 'messages', item: item('m1', '2026-12-07T10:00:01Z') },
      { source: 'comments', item: item('c2', '2026-12-07T10:00:05Z') },
      { source: 'comments', item: item('c1', '2026-12-07T10:00:00Z') },
    ];
    const first = takeOldest(candidates, marks, 3);
    expect(first.items.map((one) => one.remoteId)).toEqual(['c1', 'm1', 'c2']);
    expect(first.more).toBe(true);
    const next = readWatermarks(first.cursor, ['comments', 'messages'], now);
    expect(next.get('comments')).toEqual({ sec: Date.parse('2026-12-07T10:00:05Z') / 1000, ids: ['c2'] });
    const comments = next.get('comments')!;
    // c2 was handed out at that second; c3, of the same second, was not.
    expect(isNew(comments, 'c2', new Date('2026-12-07T10:00:05Z'))).toBe(false);
    expect(isNew(comments, 'c3', new Date('2026-12-07T10:00:05Z'))).toBe(true);
    expect(isNew(comments, 'c0', new Date('2026-12-07T10:00:04Z'))).toBe(false);
    const rest = candidates.filter(({ source, item: one }) => isNew(next.get(source)!, one.remoteId, one.createdAt));
    const second = takeOldest(rest, next, 3);
    expect(second.items.map((one) => one.remoteId)).toEqual(['c3']);
    expect(second.more).toBe(false);
    expect(readWatermarks(second.cursor, ['comments'], now).get('comments')?.ids).toEqual(['c2', 'c3']);
  });
});
