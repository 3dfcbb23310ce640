import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measuredPosts } from '@plume/db/schema/analytics';
import { socialAccounts } from '@plume/db/schema/social';
import { addMember, createUser, createWorkspaceAs, type TestUser } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let owner: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspaceId: string;
let accountId: string;
let foreignAccountId: string;

/** A slice of FiveThirtyEight's BarackObama.csv (twitter-ratio, CC BY 4.0), with one bad row added. */
const obama = [
  'created_at,text,url,replies,retweets,favorites,user',
  '10/16/17 22:59,"I\'m grateful to @SenJohnMcCain for his lifetime of service to our country. Congratulations, John, on receiving this year\'s Liberty Medal.",https://twitter.com/BarackObama/status/920061541986250758,17064,89916,641842,BarackObama',
  '10/2/17 12:41,Michelle &amp; I are praying for the victims in Las Vegas. Our thoughts are with their families &amp; everyone enduring another senseless tragedy.,https://twitter.com/BarackObama/status/914832655170011137,21588,405895,1715753,BarackObama',
  '9/30/17 2:22,Proud to cheer on Team USA at the Invictus Games today with my friend Joe. You represent the best of our country. https://t.co/WBzcltmgqj,https://twitter.com/BarackObama/status/913952069765271559,8476,60651,503255,BarackObama',
  '9/31/17 9:00,No such day,https://twitter.com/BarackObama/status/1,1,1,1,BarackObama',
].join('\n');

async function insertXAccount(wsId: string): Promise<string> {
  const [row] = await t.db
    .insert(socialAccounts)
    .values({
      workspaceId: wsId,
      network: 'x',
      externalId: randomUUID(),
      handle: '@BarackObama',
      displayName: 'Barack Obama',
      kind: 'profile',
      tokensCiphertext: 'unused',
    })
    .returning({ id: socialAccounts.id });
  if (!row) throw new Error('no account');
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'http://plume.test' });
  owner = await createUser(t.app, t.db, { name: 'Hana History' });
  viewer = await createUser(t.app, t.db, { name: 'Vi Viewer' });
  outsider = await createUser(t.app, t.db, { name: 'Ola Outsider' });
  const workspace = await createWorkspaceAs(t.app, owner);
  workspaceId = workspace.id;
  await addMember(t.app, workspace, owner, viewer, 'viewer');
  accountId = await insertXAccount(workspaceId);
  foreignAccountId = await insertXAccount((await createWorkspaceAs(t.app, outsider)).id);
});
afterAll(async () => t.close());

const importUrl = (id: string, dryRun: boolean) =>
  `/api/v1/workspaces/${workspaceId}/accounts/${id}/analytics/import?dryRun=${dryRun}`;
const send = (user: TestUser, id: string, dryRun: boolean, csv: string) =>
  t.app.inject({ method: 'POST', url: importUrl(id, dryRun), headers: user.headers, payload: { csv } });
const stored = () => t.db.select().from(measuredPosts).where(eq(measuredPosts.accountId, accountId));

describe('POST …/accounts/:accountId/analytics/import', () => {
  it('previews the file, then imports it once however often it is sent', async () => {
    const dry = await send(owner, accountId, true, obama);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      format: 'fivethirtyeight',
      valid: 3,
      added: 3,
      errorCount: 1,
      errors: [{ line: 5, message: 'created_at "9/31/17 9:00" is not a real date and time' }],
    });
    expect(dry.json().preview).toHaveLength(3);
    expect(await stored()).toHaveLength(0);

    const real = await send(owner, accountId, false, obama);
    expect(real.statusCode).toBe(200);
    expect(real.json()).toMatchObject({ dryRun: false, added: 3, unchanged: 0 });
    const again = await send(owner, accountId, false, obama);
    expect(again.json()).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    const rows = await stored();
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.source === 'import' && row.network === 'x')).toBe(true);
  });

  it('says what is wrong with an unreadable file at its field', async () => {
    const response = await send(owner, accountId, true, 'date,message\n1,2');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      path: 'body/csv',
      message: expect.stringMatching(/^The header has neither FiveThirtyEight's columns/),
    });
  });

  it("refuses viewers (403) and another workspace's account (404)", async () => {
    expect((await send(viewer, accountId, true, obama)).statusCode).toBe(403);
    expect((await send(owner, foreignAccountId, true, obama)).statusCode).toBe(404);
  });

  it('answers 413 for a body over the limit', async () => {
    const huge = `${obama}\n${'9/30/17 2:22,x,u,1,1,1,B\n'.repeat(600_000)}`;
    const response = await send(owner, accountId, true, huge);
    expect(response.statusCode).toBe(413);
  });
});
