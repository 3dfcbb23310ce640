import { describe, expect, it } from 'vitest';
import {
  filtersOf,
  hasNarrowingFilters,
  listQueryString,
  parseInboxSearch,
  searchOf,
  withFilter,
  withRawFilter,
} from './inbox-filters.ts';

describe('inbox filters in the URL', () => {
  it('keeps known values and drops unknown or malformed ones', () => {
    expect(
      parseInboxSearch({
        status: 'done',
        network: 'mastodon',
        kind: 'nope',
        sentiment: 'negative',
        intent: 42,
        unread: 'true',
        q: '  refund  ',
        tag: 'x'.repeat(41),
        c: 'c1',
      }),
    ).toEqual({ status: 'done', network: 'mastodon', sentiment: 'negative', unread: true, q: 'refund', c: 'c1' });
  });

  it('treats Open as the default: it is left out of the URL and restored from it', () => {
    expect(parseInboxSearch({ status: 'open' })).toEqual({});
    expect(filtersOf({})).toEqual({ status: 'open' });
    expect(searchOf({ status: 'open', kind: 'comment' })).toEqual({ kind: 'comment' });
    expect(searchOf({ status: 'all' }, 'c9')).toEqual({ status: 'all', c: 'c9' });
  });

  it('round-trips every filter through the URL', () => {
    const filters = {
      status: 'snoozed',
      network: 'bluesky',
      accountId: 'a1',
      kind: 'mention',
      sentiment: 'positive',
      intent: 'lead',
      priority: 'urgent',
      assignee: 'me',
      tag: 'vip',
      unread: true,
      q: 'hello',
    } as const;
    expect(filtersOf(parseInboxSearch({ ...searchOf(filters, 'c2') }))).toEqual(filters);
  });

  it('sets and clears one filter', () => {
    const set = withFilter({ status: 'open' }, 'intent', 'question');
    expect(set).toEqual({ status: 'open', intent: 'question' });
    expect(withFilter(set, 'intent', '')).toEqual({ status: 'open' });
    expect(withFilter(set, 'status', '')).toEqual({ status: 'open', intent: 'question' });
  });

  it('says when the list is narrowed beyond the default', () => {
    expect(hasNarrowingFilters({ status: 'open' })).toBe(false);
    expect(hasNarrowingFilters({ status: 'all' })).toBe(true);
    expect(hasNarrowingFilters({ status: 'open', unread: true })).toBe(true);
  });

  it('builds the list query: no status for all, the cursor for later pages', () => {
    expect(listQueryString({ status: 'open', unread: true, assignee: 'none' }, { limit: 50 })).toBe(
      'status=open&assignee=none&unread=true&limit=50',
    );
    expect(listQueryString({ status: 'all', q: 'a&b' }, { limit: 20, cursor: 'xyz' })).toBe(
      'q=a%26b&limit=20&cursor=xyz',
    );
  });
});

describe('filters from form controls', () => {
  it('checks a raw value as the URL does', () => {
    expect(withRawFilter({ status: 'open' }, 'kind', 'review')).toEqual({ status: 'open', kind: 'review' });
    expect(withRawFilter({ status: 'open', kind: 'review' }, 'kind', 'bogus')).toEqual({ status: 'open' });
    expect(withRawFilter({ status: 'open' }, 'status', 'all')).toEqual({ status: 'all' });
    expect(withRawFilter({ status: 'done' }, 'status', '')).toEqual({ status: 'open' });
    expect(withRawFilter({ status: 'open' }, 'unread', 'true')).toEqual({ status: 'open', unread: true });
    expect(withRawFilter({ status: 'open', unread: true }, 'unread', '')).toEqual({ status: 'open' });
  });
});
