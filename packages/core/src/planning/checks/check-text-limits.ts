/**
 * Every post within its network's text limit, measured the network's way (packages/networks:
 * `fitsLimit`, with X's weighting, Mastodon's link length, Bluesky's byte cap…). `networkTextLimits()`
 * reads the limits from the network manifests; tests may pass their own.
 */
import { allProviders } from '@plume/networks/registry';
import { fitsLimit, type TextLimit } from '@plume/networks/text/fit-text';
import type { PlannedPost, PlanViolation } from './plan-types.ts';

/** Each network's post-body limit from its manifest, by network id. */
export function networkTextLimits(): ReadonlyMap<string, TextLimit> {
  return new Map(
    allProviders.map(({ manifest }) => {
      const { limit, count, maxBytes } = manifest.text;
      const textLimit: TextLimit =
        maxBytes === undefined ? { max: limit, method: count } : { max: limit, method: count, maxBytes };
      return [manifest.id, textLimit] as const;
    }),
  );
}

export function checkTextLimits(plan: readonly PlannedPost[], limits: ReadonlyMap<string, TextLimit>): PlanViolation[] {
  const violations: PlanViolation[] = [];
  for (const post of plan) {
    const limit = limits.get(post.network);
    if (limit === undefined) {
      violations.push({
        check: 'text_limit',
        postIds: [post.id],
        message: `Plume does not know the network “${post.network}”.`,
      });
      continue;
    }
    const check = fitsLimit(post.text, limit);
    if (check.fits) continue;
    const why =
      check.refusedCharacter !== undefined
        ? `it holds a character ${post.network} refuses (U+${check.refusedCharacter.codePointAt(0)?.toString(16).toUpperCase() ?? ''})`
        : check.count > check.limit
          ? `it is ${check.count} characters; ${post.network} allows ${check.limit}`
          : `it is ${check.bytes ?? 0} bytes; ${post.network} allows ${limit.maxBytes ?? 0}`;
    violations.push({
      check: 'text_limit',
      postIds: [post.id],
      message: `The post is too long for ${post.network}: ${why}.`,
    });
  }
  return violations;
}
