// The media vault benchmark's data, in SQL: N items in one workspace (kinds, sources, approvals, tags, names
// and prompts drawn from small word lists, one in three AI), half as many in each of two noise workspaces, and
// posts using some of the bench workspace's items. No files: the list never reads them.
import type pg from 'pg';

const words = [
  'beach',
  'sunset',
  'coffee',
  'launch',
  'team',
  'office',
  'summer',
  'winter',
  'product',
  'portrait',
  'mountain',
  'city',
  'night',
  'garden',
  'event',
  'recipe',
  'workshop',
  'festival',
  'studio',
  'harbor',
];
const tags = Array.from({ length: 40 }, (_, index) => `tag${index}`);

function literal(list: string[]): string {
  return `ARRAY[${list.map((word) => `'${word}'`).join(',')}]`;
}

async function seedWorkspace(client: pg.Client, workspaceId: string, count: number): Promise<void> {
  await client.query(
    `INSERT INTO media_assets (workspace_id, kind, mime_type, bytes, width, height, file_name, storage_key, sha256,
       alt_text, ai_generated, source, approval, tags, provenance, created_at)
     SELECT $1,
       (ARRAY['image','image','image','image','image','image','video','video','gif','audio'])[1 + i % 10],
       'image/png', 50000 + (i * 7919) % 2000000, 1080, 1080,
       w.a || '-' || w.b || '-' || i || '.png', $1 || '/' || i, md5($1 || i),
       CASE WHEN i % 3 = 0 THEN 'A ' || w.b || ' by the ' || w.a END,
       i % 3 = 1,
       (ARRAY['upload','ai','template'])[1 + i % 3],
       CASE WHEN i % 3 = 1 THEN (ARRAY['pending','approved','approved','rejected','pending'])[1 + (i / 3) % 5]
            ELSE 'approved' END,
       ARRAY[t.list[1 + i % 40], t.list[1 + (i * 7) % 40]],
       CASE WHEN i % 3 = 1 THEN jsonb_build_object('provider', 'openai', 'model', 'gpt-image-1',
         'prompt', 'A ' || w.c || ' ' || w.a || ' at ' || w.b, 'costMicros', 40000) END,
       now() - (($2 - i) || ' minutes')::interval
     FROM generate_series(1, $2) AS i,
       LATERAL (SELECT (${literal(words)})[1 + i % 20] AS a, (${literal(words)})[1 + (i / 20) % 20] AS b,
                       (${literal(words)})[1 + (i / 400) % 20] AS c) w,
       LATERAL (SELECT ${literal(tags)} AS list) t`,
    [workspaceId, count],
  );
}

/** Posts of the bench workspace, each using two of its items (in the content or a thread part). */
async function seedPosts(client: pg.Client, workspaceId: string, posts: number): Promise<void> {
  await client.query(
    `WITH picked AS (
       SELECT id::text AS id, row_number() OVER (ORDER BY seq) AS n FROM media_assets
        WHERE workspace_id = $1 AND seq % 37 = 0 LIMIT $2 * 2)
     INSERT INTO posts (workspace_id, state, content)
     SELECT $1, (ARRAY['draft','scheduled','published'])[1 + a.n % 3],
       jsonb_build_object('text', 'Post ' || a.n, 'mediaIds', jsonb_build_array(a.id), 'hashtags', '[]'::jsonb,
         'thread', jsonb_build_array(jsonb_build_object('text', 'part', 'mediaIds', jsonb_build_array(b.id))))
       FROM picked a JOIN picked b ON b.n = a.n + 1 WHERE a.n % 2 = 1`,
    [workspaceId, posts],
  );
}

export async function seedVault(
  client: pg.Client,
  input: { workspaceId: string; noiseWorkspaceIds: string[]; items: number },
): Promise<void> {
  await seedWorkspace(client, input.workspaceId, input.items);
  for (const noise of input.noiseWorkspaceIds) await seedWorkspace(client, noise, Math.floor(input.items / 2));
  await seedPosts(client, input.workspaceId, Math.floor(input.items / 20));
  await client.query('VACUUM ANALYZE media_assets');
  await client.query('VACUUM ANALYZE posts');
  await client.query('VACUUM ANALYZE post_targets');
}
