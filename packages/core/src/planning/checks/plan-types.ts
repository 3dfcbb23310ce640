/**
 * A plan as the checks read it: placed briefs with their text. Local types (the Content agent and the
 * strategy own the full shapes); a check answers violations, each naming the posts at fault in plain words.
 */
export type PlannedPost = {
  id: string;
  pillar: string;
  text: string;
  network: string;
  accountId: string;
  at: Date;
};

export type PlanCheck =
  'pillar_mix' | 'similar_posts' | 'text_limit' | 'cadence' | 'daily_cap' | 'quiet_hours' | 'min_gap';

export type PlanViolation = { check: PlanCheck; postIds: string[]; message: string };
