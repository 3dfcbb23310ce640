import { describe, expect, it } from 'vitest';
import type { PostEvent } from '@plume/contract/posts/post-schemas';
import { describeEvent } from './describe-event.ts';

const event = (changes: Partial<PostEvent>): PostEvent => ({
  id: 1,
  type: 'submit',
  actorName: 'Ada',
  targetId: null,
  fromState: 'draft',
  toState: 'in_review',
  detail: {},
  createdAt: '2030-07-01T06:00:00Z',
  ...changes,
});
const zone = 'Europe/Paris';

describe('describeEvent', () => {
  it('says a submit that needed no review scheduled the post, and for when, on the workspace clock', () => {
    const line = describeEvent(event({ toState: 'scheduled', detail: { scheduledAt: '2030-07-01T07:00:00Z' } }), zone);
    expect(line).toMatch(/^Scheduled for Jul 1, 2030, 9:00\s?AM \(Europe\/Paris\) \(no review needed\)$/);
    expect(line).not.toContain('Submitted for review');
    expect(describeEvent(event({ toState: 'approved' }), zone)).toBe('Ready to schedule (no review needed)');
  });

  it('keeps "Submitted for review" for a post that went to review, with the move', () => {
    expect(describeEvent(event({}), zone)).toBe('Submitted for review (Draft → In review)');
  });

  it('names the time of an approval or a reschedule, and the reason of a rejection', () => {
    expect(
      describeEvent(
        event({
          type: 'approve',
          fromState: 'in_review',
          toState: 'scheduled',
          detail: { scheduledAt: '2030-07-01T07:00:00Z' },
        }),
        zone,
      ),
    ).toMatch(/^Approved and scheduled for Jul 1, 2030, 9:00\s?AM \(Europe\/Paris\)$/);
    expect(
      describeEvent(
        event({ type: 'reject', fromState: 'in_review', toState: 'rejected', detail: { reason: 'Off brand' } }),
        zone,
      ),
    ).toBe('Rejected (In review → Rejected) — Off brand');
    expect(describeEvent(event({ type: 'approve', fromState: 'in_review', toState: 'scheduled' }), zone)).toBe(
      'Approved and scheduled',
    );
  });
});
