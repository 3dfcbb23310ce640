/** Competitor routes over the real app and database, reading from the fake Bluesky AppView. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCompetitor } from '@plume/core/competitors/fetch-competitor';
import type { WireCompetitor, WireCompetitorList } from '@plume/contract/competitors/competitor-schemas';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from '../../test-support/factories.ts';

let fake: BlueskyFake;
let testApp: TestApp;
let owner: TestUser;
let workspace: TestWorkspace;

beforeAll(async () => {
  fake = await startBlueskyFake();
  testApp = await createTestApp({
    NETWORK_ENDPOINTS: JSON.stringify({ bluesky: { appView: fake.url } }),
    HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
  });
  owner = await createUser(testApp.app, testApp.db);
  workspace = await createWorkspaceAs(testApp.app, owner);
  fake.state.appView.authors.push({
    did: 'did:plc:rival',
    handle: 'rival.test',
    displayName: 'Rival Roasters',
    followersCount: 420,
    posts: [
      {
        rkey: 'r1',
        record: { text: 'Fresh #coffee', createdAt: new Date(Date.now() - 86_400_000).toISOString() },
        counts: { likeCount: 10, repostCount: 2 },
      },
    ],
  });
});
afterAll(async () => {
  await testApp.close();
  await fake.close();
});

const url = () => `/api/v1/workspaces/${workspace.id}/competitors`;
const list = async () =>
  (await testApp.app.inject({ method: 'GET', url: url(), headers: owner.headers })).json<WireCompetitorList>();
const add = (payload: object) => testApp.app.inject({ method: 'POST', url: url(), headers: owner.headers, payload });

describe('competitor routes', () => {
  it('starts empty and names the networks Plume can read', async () => {
    const body = await list();

    expect(body).toMatchObject({ timezone: 'Europe/Berlin', limit: 10, competitors: [], own: [] });
    expect(body.networks.map((network) => network.id)).toEqual(expect.arrayContaining(['bluesky', 'mastodon']));
    expect(body.networks.map((network) => network.id)).not.toContain('x');
  });

  it('refuses a misspelt handle and a network without public reads at their fields', async () => {
    const misspelt = await add({ network: 'mastodon', handle: 'just-a-name' });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json()).toMatchObject({
      errors: [{ path: 'body/handle', message: expect.stringContaining('@name@mastodon.social') }],
    });

    const x = await add({ network: 'x', handle: '@someone' });
    expect(x.statusCode).toBe(400);
    expect(x.json().errors[0].path).toBe('body/network');
  });

  it('adds, reads, lists with stats, refreshes and removes a competitor', async () => {
    const created = await add({ network: 'bluesky', handle: '@Rival.test' });
    expect(created.statusCode).toBe(201);
    const competitor = created.json<WireCompetitor>();
    expect(competitor).toMatchObject({ handle: 'rival.test', state: 'pending', lastFetchedAt: null });
    expect((await add({ network: 'bluesky', handle: 'rival.test' })).statusCode).toBe(409);

    // The worker's job, run here: the reading itself.
    const deps = { db: testApp.db, runtime: testApp.context.publishing.runtime };
    expect(await fetchCompetitor(deps, competitor.id)).toEqual({ status: 'ok', posts: 1 });

    const [read] = (await list()).competitors;
    expect(read).toMatchObject({
      displayName: 'Rival Roasters',
      followers: 420,
      state: 'ok',
      stateMessage: null,
      stats: { posts: 1, postsPerWeek: 0.3, medianEngagements: 12 },
      topHashtags: ['coffee'],
    });

    const refreshed = await testApp.app.inject({
      method: 'POST',
      url: `${url()}/${competitor.id}/refresh`,
      headers: owner.headers,
    });
    expect(refreshed.statusCode).toBe(202);

    const removed = await testApp.app.inject({
      method: 'DELETE',
      url: `${url()}/${competitor.id}`,
      headers: owner.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect((await list()).competitors).toEqual([]);
    const again = await testApp.app.inject({
      method: 'DELETE',
      url: `${url()}/${competitor.id}`,
      headers: owner.headers,
    });
    expect(again.statusCode).toBe(404);
  });
});
