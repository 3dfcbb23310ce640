import type { Finding } from '../what-works/what-works.ts';

const times = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)}×`;

/** One finding in plain words, e.g. "Posts with media got 1.4× the engagement of text-only posts (95 % interval 1.1–1.8×, 40 vs 120 posts)." */
export function describeFinding(finding: Finding): string {
  const group = finding.group.charAt(0).toUpperCase() + finding.group.slice(1);
  return `${group} got ${times(finding.effect)} the engagement of ${finding.comparedWith} (95 % interval ${times(finding.low)}–${times(finding.high)}, ${finding.postsInGroup} vs ${finding.postsCompared} posts).`;
}

/**
 * "What was learned" for a weekly report: the clear findings (interval excluding no effect), the
 * strongest first, in plain words; at most `limit`.
 */
export function describeLearned(findings: readonly Finding[], limit = 3): string[] {
  return findings
    .filter((finding) => finding.isClear)
    .sort((a, b) => Math.abs(Math.log(b.effect)) - Math.abs(Math.log(a.effect)))
    .slice(0, limit)
    .map(describeFinding);
}
