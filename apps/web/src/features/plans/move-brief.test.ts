import { describe, expect, it } from 'vitest';
import type { PlanBrief, PlanDetail } from '@plume/contract/planning/plan-schemas';
import { canMove, dropRefusal, moveChanges, planWithMove } from './move-brief.ts';

const brief: PlanBrief = {
  id: 'b1',
  planId: 'p1',
  day: '2031-07-14',
  network: 'mastodon',
  accountId: 'a1',
  accountHandle: '@pia',
  pillar: 'tips',
  topic: 'Cold brew',
  format: 'educational',
  notes: null,
  visualBrief: null,
  agentRunId: null,
  slot: '2031-07-14T07:00:00.000Z',
  slotLocal: '2031-07-14 09:00',
  placementReason: null,
  state: 'drafted',
  postId: 'post1',
  postState: 'draft',
  postText: 'Text',
  replacesId: null,
  replacedById: null,
  rejectionReason: null,
};

describe('moving a brief on the week board', () => {
  it('moves live briefs whose post has not gone out', () => {
    expect(canMove(brief)).toBe(true);
    expect(canMove({ ...brief, postState: 'published' })).toBe(false);
    expect(canMove({ ...brief, state: 'replaced' })).toBe(false);
  });

  it('refuses another network and a day outside the month, in words', () => {
    expect(dropRefusal(brief, { day: '2031-07-15', network: 'mastodon' }, '2031-07')).toBeNull();
    expect(dropRefusal(brief, { day: '2031-07-15', network: 'bluesky' }, '2031-07')).toContain(
      'it can only move within the mastodon row',
    );
    expect(dropRefusal(brief, { day: '2031-08-01', network: 'mastodon' }, '2031-07')).toContain(
      "outside this plan's month (July 2031)",
    );
  });

  it('sends the time on the new day in the workspace zone, or none', () => {
    expect(moveChanges({ briefId: 'b1', day: '2031-07-15', time: '09:00' }, 'Europe/Berlin')).toEqual({
      day: '2031-07-15',
      slot: '2031-07-15T09:00:00+02:00',
    });
    expect(moveChanges({ briefId: 'b1', day: '2031-07-15', time: '' }, 'Europe/Berlin').slot).toBeNull();
  });

  it('shows the move at once', () => {
    const plan = { briefs: [brief] } as unknown as PlanDetail;
    const moved = planWithMove(plan, { briefId: 'b1', day: '2031-07-16', time: '10:30' }).briefs[0];
    expect(moved).toMatchObject({ day: '2031-07-16', slotLocal: '2031-07-16 10:30' });
  });
});
