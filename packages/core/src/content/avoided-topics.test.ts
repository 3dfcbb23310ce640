import { describe, expect, it } from 'vitest';
import { findAvoidedTopics } from './avoided-topics.ts';

describe('findAvoidedTopics', () => {
  it('matches whole words and phrases, any case, singular or plural', () => {
    expect(findAvoidedTopics('Our take on the ELECTIONS this year', ['election'])).toEqual(['election']);
    expect(findAvoidedTopics('Beware of the latest crypto-scam', ['crypto scams'])).toEqual(['crypto scams']);
    expect(findAvoidedTopics('No more lotteries here', ['lottery'])).toEqual(['lottery']);
    expect(findAvoidedTopics('Watch the big match', ['matches'])).toEqual(['matches']);
  });

  it('does not match inside other words', () => {
    expect(findAvoidedTopics('Warm regards from Warsaw, said the software team', ['wars'])).toEqual([]);
    expect(findAvoidedTopics('Our skiing trip', ['ski'])).toEqual([]);
    expect(findAvoidedTopics('anything', ['  '])).toEqual([]);
  });
});
