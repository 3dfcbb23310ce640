/**
 * Loads what checking a post needs: its accounts (to know networks and connection state) and its
 * media facts, all scoped to the workspace so another workspace's ids are simply "not found".
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { mediaAssets } from '@plume/db/schema/media';
import type { PostContent } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import type { FieldError } from '@plume/errors/app-error';
import { AppError } from '@plume/errors/app-error';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import type { TargetInput } from '@plume/contract/posts/post-input';
import { resolveTargetContent } from './resolve-target-content.ts';
import { validateTarget, type MediaFacts } from './validate-targets.ts';

type Db = Pick<Database, 'select'>;
export type StoredTarget = { accountId: string; override: TargetInput['override']; settings: Record<string, unknown> };

export async function loadAccounts(db: Db, workspaceId: string, accountIds: readonly string[]) {
  if (accountIds.length === 0) return new Map<string, typeof socialAccounts.$inferSelect>();
  const rows = await db
    .select()
    .from(socialAccounts)
    .where(and(eq(socialAccounts.workspaceId, workspaceId), inArray(socialAccounts.id, [...accountIds])));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function loadMediaFacts(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, MediaFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(mediaAssets)
    .where(and(eq(mediaAssets.workspaceId, workspaceId), inArray(mediaAssets.id, [...ids])));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        kind: row.kind,
        mimeType: row.mimeType,
        bytes: row.bytes,
        ...(row.width === null ? {} : { width: row.width }),
        ...(row.height === null ? {} : { height: row.height }),
        ...(row.durationSec === null ? {} : { durationSec: row.durationSec }),
        ...(row.altText === null ? {} : { altText: row.altText }),
      },
    ]),
  );
}

function allMediaIds(content: PostContent, targets: readonly StoredTarget[]): string[] {
  const ids = new Set([...content.mediaIds, ...content.thread.flatMap((part) => part.mediaIds)]);
  for (const target of targets) {
    for (const id of target.override.mediaIds ?? []) ids.add(id);
    for (const part of target.override.thread ?? []) for (const id of part.mediaIds) ids.add(id);
  }
  return [...ids];
}

/** References that must exist before anything is saved: accounts and media of this workspace. */
export async function checkReferences(
  db: Db,
  workspaceId: string,
  content: PostContent,
  targets: readonly StoredTarget[],
): Promise<void> {
  const errors: FieldError[] = [];
  const accounts = await loadAccounts(
    db,
    workspaceId,
    targets.map((target) => target.accountId),
  );
  const seen = new Set<string>();
  targets.forEach((target, index) => {
    if (!accounts.has(target.accountId))
      errors.push({ path: `targets.${index}.accountId`, message: 'No such account in this workspace.' });
    if (seen.has(target.accountId))
      errors.push({ path: `targets.${index}.accountId`, message: 'This account is already a target of the post.' });
    seen.add(target.accountId);
  });
  const media = await loadMediaFacts(db, workspaceId, allMediaIds(content, targets));
  content.mediaIds.forEach((id, index) => {
    if (!media.has(id))
      errors.push({ path: `content.mediaIds.${index}`, message: 'No such media file in this workspace.' });
  });
  targets.forEach((target, index) =>
    (target.override.mediaIds ?? []).forEach((id, position) => {
      if (!media.has(id))
        errors.push({
          path: `targets.${index}.override.mediaIds.${position}`,
          message: 'No such media file in this workspace.',
        });
    }),
  );
  if (errors.length > 0)
    throw new AppError('validation_failed', {
      detail: errors.map((error) => `${error.path}: ${error.message}`).join('; '),
      errors,
    });
}

/** Every problem that would stop the post from being published, per target, in plain words. */
export async function checkPublishable(
  deps: { db: Db; runtime: NetworkRuntime },
  workspaceId: string,
  content: PostContent,
  targets: readonly StoredTarget[],
): Promise<FieldError[]> {
  if (targets.length === 0) return [{ path: 'targets', message: 'Choose at least one account to publish to.' }];
  const accounts = await loadAccounts(
    deps.db,
    workspaceId,
    targets.map((target) => target.accountId),
  );
  const media = await loadMediaFacts(deps.db, workspaceId, allMediaIds(content, targets));
  return targets.flatMap((target, index) => {
    const account = accounts.get(target.accountId);
    if (account === undefined)
      return [{ path: `targets.${index}.accountId`, message: 'No such account in this workspace.' }];
    return validateTarget({
      index,
      provider: deps.runtime.provider(account.network),
      accountStatus: account.status,
      accountMetadata: account.metadata,
      content: resolveTargetContent(content, target.override),
      settings: target.settings,
      media,
    });
  });
}

export function throwIfInvalid(errors: readonly FieldError[]): void {
  if (errors.length === 0) return;
  throw new AppError('validation_failed', {
    detail: `The post cannot be published as it is: ${errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`,
    errors: [...errors],
  });
}
