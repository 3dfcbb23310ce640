import { describe, expect, it } from 'vitest';
import { fillTemplate, matchesConditions, ruleProblems } from './rule-checks.ts';

const notify = { type: 'notify' as const, audience: 'managers' as const, title: 'Hi', body: '' };

describe('rule problems', () => {
  it('accepts a well-formed inbox rule', () => {
    const problems = ruleProblems({
      trigger: { type: 'inbox.item_created' },
      conditions: [
        { field: 'intent', operator: 'equals', value: 'complaint' },
        { field: 'network', operator: 'in', value: ['mastodon', 'bluesky'] },
        { field: 'text', operator: 'contains', value: 'refund' },
      ],
      actions: [{ type: 'tag', tag: 'complaint' }, notify],
    });
    expect(problems).toEqual([]);
  });

  it('puts each problem at its field, in plain words', () => {
    const problems = ruleProblems({
      trigger: { type: 'post.failed' },
      conditions: [
        { field: 'intent', operator: 'equals', value: 'complaint' },
        { field: 'text', operator: 'greater_than', value: 3 },
        { field: 'network', operator: 'equals', value: 'myspace' },
      ],
      actions: [{ type: 'tag', tag: 'x' }, { type: 'schedule_next_slot' }],
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'body/conditions/0/field',
      'body/conditions/1/operator',
      'body/conditions/2/value',
      'body/actions/0/type',
      'body/actions/1/type',
    ]);
    expect(problems[0]!.message).toContain('has no field intent');
    expect(problems[2]!.message).toContain('"myspace" is not');
    expect(problems[4]!.message).toContain('Write a draft post with AI');
  });

  it('wants a cron expression for a schedule, and a number for a number field', () => {
    const problems = ruleProblems({
      trigger: { type: 'schedule' },
      conditions: [{ field: 'hour', operator: 'less_than', value: 'nine' }],
      actions: [notify],
    });
    expect(problems.map((problem) => problem.path)).toEqual(['body/trigger/cron', 'body/conditions/0/value']);
  });
});

describe('matching', () => {
  const data = { network: 'mastodon', text: 'I want a REFUND', engagements: 120, intent: null };

  it('needs every condition to hold', () => {
    expect(matchesConditions([], data)).toBe(true);
    expect(
      matchesConditions(
        [
          { field: 'network', operator: 'equals', value: 'Mastodon' },
          { field: 'text', operator: 'contains', value: 'refund' },
          { field: 'engagements', operator: 'greater_than', value: 100 },
        ],
        data,
      ),
    ).toBe(true);
    expect(matchesConditions([{ field: 'engagements', operator: 'less_than', value: 100 }], data)).toBe(false);
    expect(matchesConditions([{ field: 'network', operator: 'in', value: ['x', 'bluesky'] }], data)).toBe(false);
    expect(matchesConditions([{ field: 'network', operator: 'not_equals', value: 'x' }], data)).toBe(true);
  });

  it('treats a missing value as matching only "is not"', () => {
    expect(matchesConditions([{ field: 'intent', operator: 'equals', value: 'spam' }], data)).toBe(false);
    expect(matchesConditions([{ field: 'intent', operator: 'not_equals', value: 'spam' }], data)).toBe(true);
  });

  it('fills {{field}} from the data and leaves unknown fields', () => {
    expect(fillTemplate('{{network}}: {{engagements}} {{nope}}', data)).toBe('mastodon: 120 {{nope}}');
  });
});
