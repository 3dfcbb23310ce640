/**
 * The texts of a workspace's most recent posts (each target's own text where it has one), newest
 * first, for the near-duplicate check of new drafts.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { posts, postTargets } from '@plume/db/schema/publishing';

export const RECENT_POSTS_CHECKED = 200;

export async function recentPostTexts(
  db: Pick<Database, 'select'>,
  workspaceId: string,
  limit = RECENT_POSTS_CHECKED,
): Promise<string[]> {
  const rows = await db
    .select({ id: posts.id, content: posts.content })
    .from(posts)
    .where(eq(posts.workspaceId, workspaceId))
    .orderBy(desc(posts.seq))
    .limit(limit);
  if (rows.length === 0) return [];
  const overrides = await db
    .select({ postId: postTargets.postId, override: postTargets.override })
    .from(postTargets)
    .where(
      inArray(
        postTargets.postId,
        rows.map((row) => row.id),
      ),
    );
  const texts: string[] = [];
  const seen = new Set<string>();
  const add = (text: string | undefined) => {
    const trimmed = text?.trim();
    if (trimmed && !seen.has(trimmed)) {
      seen.add(trimmed);
      texts.push(trimmed);
    }
  };
  for (const row of rows) {
    add(row.content.text);
    for (const target of overrides) if (target.postId === row.id) add(target.override.text);
  }
  return texts.slice(0, limit);
}
