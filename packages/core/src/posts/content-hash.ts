/**
 * The fingerprint of what an approver approved: the content and each target's text, media and
 * settings; not hashtags and not the time, which may change without a new review (time within 30
 * minutes, see `needsReview`).
 */
import { createHash } from 'node:crypto';
import type { PostContent, TargetOverride } from '@plume/db/schema/publishing';

export const FREE_RESCHEDULE_MS = 30 * 60 * 1000;

type HashTarget = { accountId: string; override: TargetOverride; settings: Record<string, unknown> };

/** Stable JSON: object keys sorted, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(content: PostContent, targets: readonly HashTarget[]): string {
  const { hashtags: _hashtags, ...rest } = content;
  const normalizedTargets = [...targets]
    .sort((a, b) => (a.accountId < b.accountId ? -1 : 1))
    .map((target) => {
      const { hashtags: _targetHashtags, ...override } = target.override;
      return { accountId: target.accountId, override, settings: target.settings };
    });
  return createHash('sha256')
    .update(canonical({ content: rest, targets: normalizedTargets }))
    .digest('hex');
}

/** An edit needs review when the hash changed or the time moved more than 30 minutes from the approved one. */
export function needsReview(input: {
  approvedHash: string | null;
  newHash: string;
  approvedAt: Date | null;
  newAt: Date | null;
}): boolean {
  if (input.approvedHash === null) return true;
  if (input.approvedHash !== input.newHash) return true;
  // A post approved without a time may be given one; unscheduling is not a content change either.
  if (input.approvedAt === null || input.newAt === null) return false;
  return Math.abs(input.newAt.getTime() - input.approvedAt.getTime()) > FREE_RESCHEDULE_MS;
}
