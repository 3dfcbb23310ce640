import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { connectMastodon } from '../../test-support/connect-mastodon.ts';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let fake: MastodonFake;
let owner: TestUser;
let editor: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
let otherWorkspace: TestWorkspace;
let accountId: string;
let otherAccountId: string;

type Problem = { code: string; detail?: string; errors?: { path: string; message: string }[] };

beforeAll(async () => {
  fake = await startMastodonFake();
  t = await createTestApp(
    { HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', PUBLIC_URL: 'http://plume.test' },
    { providers: [mastodonProvider] },
  );
  owner = await createUser(t.app, t.db, { name: 'Sol Slots' });
  editor = await createUser(t.app, t.db, { name: 'Eda Editor' });
  outsider = await createUser(t.app, t.db, { name: 'Otto Outsider' });
  workspace = await createWorkspaceAs(t.app, owner);
  otherWorkspace = await createWorkspaceAs(t.app, outsider);
  await addMember(t.app, workspace, owner, editor, 'editor');
  accountId = await connectMastodon(t.app, fake, owner, workspace);
  otherAccountId = await connectMastodon(t.app, fake, outsider, otherWorkspace);
});

afterAll(async () => {
  await t.close();
  await fake.close();
});

const slotsUrl = (ws = workspace.id, account = accountId) => `/api/v1/workspaces/${ws}/accounts/${account}/slots`;
const putSlots = (slots: unknown, user = editor, url = slotsUrl()) =>
  t.app.inject({ method: 'PUT', url, headers: user.headers, payload: { slots } });
const nextSlot = (after: string, user = editor, url = slotsUrl()) =>
  t.app.inject({ method: 'GET', url: `${url}/next?after=${encodeURIComponent(after)}`, headers: user.headers });

async function setZone(timezone: string): Promise<void> {
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/workspaces/${workspace.id}`,
    headers: owner.headers,
    payload: { timezone },
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function schedulePost(at: string, submit = true): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspace.id}/posts`,
    headers: editor.headers,
    payload: { content: { text: `Due at ${at}` }, targets: [{ accountId }], scheduledAt: at, submit },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

describe('posting slots', () => {
  it('replaces the set and lists it in weekday order with the workspace zone', async () => {
    const put = await putSlots([
      { weekday: 3, time: '17:30' },
      { weekday: 1, time: '09:00' },
      { weekday: 1, time: '08:15' },
    ]);
    expect(put.statusCode, put.body).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: slotsUrl(), headers: owner.headers });
    expect(list.json()).toEqual({
      timezone: 'Europe/Berlin',
      slots: [
        { weekday: 1, time: '08:15' },
        { weekday: 1, time: '09:00' },
        { weekday: 3, time: '17:30' },
      ],
    });
    expect((await putSlots([{ weekday: 5, time: '12:00' }])).json()).toMatchObject({
      slots: [{ weekday: 5, time: '12:00' }],
    });
  });

  it('names the field of a bad slot', async () => {
    const cases: [unknown, string][] = [
      [[{ weekday: 1, time: '9:00' }], 'body/slots/0/time'],
      [[{ weekday: 1, time: '24:00' }], 'body/slots/0/time'],
      [[{ weekday: 7, time: '09:00' }], 'body/slots/0/weekday'],
      [
        [
          { weekday: 2, time: '09:00' },
          { weekday: 2, time: '09:00' },
        ],
        'body/slots/1',
      ],
    ];
    for (const [slots, path] of cases) {
      const response = await putSlots(slots);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<Problem>().errors?.map((error) => error.path)).toEqual([path]);
    }
  });

  it("keeps other workspaces' accounts invisible", async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: slotsUrl(workspace.id, otherAccountId), headers: owner.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (await putSlots([{ weekday: 1, time: '09:00' }], owner, slotsUrl(workspace.id, otherAccountId))).statusCode,
    ).toBe(404);
    expect((await nextSlot('2031-01-01T00:00:00Z', owner, slotsUrl(workspace.id, otherAccountId))).statusCode).toBe(
      404,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: slotsUrl(otherWorkspace.id, accountId), headers: outsider.headers }))
        .statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: slotsUrl(), headers: outsider.headers })).statusCode).toBe(404);
    // The other workspace's slots are untouched by ours.
    const theirs = await t.app.inject({
      method: 'GET',
      url: slotsUrl(otherWorkspace.id, otherAccountId),
      headers: outsider.headers,
    });
    expect(theirs.json()).toMatchObject({ slots: [] });
  });
});

describe('next free slot', () => {
  it('answers 409 no_free_slot when the account has no slots', async () => {
    await putSlots([]);
    const response = await nextSlot('2031-01-01T00:00:00Z');
    expect(response.statusCode).toBe(409);
    expect(response.json<Problem>()).toMatchObject({
      code: 'no_free_slot',
      detail: expect.stringContaining('No posting slots'),
    });
  });

  it('reads slots on the Berlin clock across the spring-forward night, a 02:30 slot moving to 03:30', async () => {
    await setZone('Europe/Berlin');
    await putSlots([
      { weekday: 0, time: '02:30' },
      { weekday: 0, time: '09:00' },
    ]);
    // Sunday 2031-03-30: clocks jump 02:00 → 03:00 in Berlin.
    expect((await nextSlot('2031-03-29T12:00:00Z')).json()).toEqual({
      at: '2031-03-30T01:30:00.000Z',
      timezone: 'Europe/Berlin',
      local: '2031-03-30 03:30',
      weekday: 0,
      // No measured posts yet: the earliest free slot, not a better-rated later one.
      reason: 'earliest',
    });
    expect((await nextSlot('2031-03-30T01:30:00Z')).json()).toMatchObject({
      at: '2031-03-30T07:00:00.000Z',
      local: '2031-03-30 09:00',
    });
    // A week earlier 09:00 was still winter time.
    expect((await nextSlot('2031-03-23T07:00:00Z')).json()).toMatchObject({ at: '2031-03-23T08:00:00.000Z' });
    // Fall back (2031-10-26): 02:30 happens twice; the slot is the first one, in daylight time.
    expect((await nextSlot('2031-10-25T12:00:00Z')).json()).toMatchObject({
      at: '2031-10-26T00:30:00.000Z',
      local: '2031-10-26 02:30',
    });
  });

  it('reads slots on the New York clock after the workspace changes zone', async () => {
    await setZone('America/New_York');
    try {
      await putSlots([
        { weekday: 0, time: '02:30' },
        { weekday: 0, time: '01:30' },
      ]);
      // Sunday 2031-03-09: 02:00 → 03:00 in New York.
      expect((await nextSlot('2031-03-09T06:31:00Z')).json()).toMatchObject({
        at: '2031-03-09T07:30:00.000Z',
        timezone: 'America/New_York',
        local: '2031-03-09 03:30',
      });
      // Sunday 2031-11-02: 01:00–02:00 happens twice; 01:30 EDT is 05:30 UTC, then 02:30 EST.
      expect((await nextSlot('2031-11-01T12:00:00Z')).json()).toMatchObject({ at: '2031-11-02T05:30:00.000Z' });
      expect((await nextSlot('2031-11-02T05:30:00Z')).json()).toMatchObject({
        at: '2031-11-02T07:30:00.000Z',
        local: '2031-11-02 02:30',
      });
    } finally {
      await setZone('Europe/Berlin');
    }
  });

  it('skips minutes taken by scheduled posts of the account, not by drafts', async () => {
    await putSlots([
      { weekday: 2, time: '10:00' },
      { weekday: 2, time: '16:00' },
    ]);
    // Tuesday 2031-06-03, Berlin summer time: 10:00 = 08:00 UTC.
    const after = '2031-06-02T00:00:00Z';
    expect((await nextSlot(after)).json()).toMatchObject({ at: '2031-06-03T08:00:00.000Z' });
    await schedulePost('2031-06-03T08:00:00Z', false);
    expect((await nextSlot(after)).json(), 'a draft does not take the slot').toMatchObject({
      at: '2031-06-03T08:00:00.000Z',
    });
    await schedulePost('2031-06-03T08:00:30Z');
    expect((await nextSlot(after)).json(), 'the same minute is taken').toMatchObject({
      at: '2031-06-03T14:00:00.000Z',
    });
    await schedulePost('2031-06-03T14:00:00Z');
    expect((await nextSlot(after)).json()).toMatchObject({ at: '2031-06-10T08:00:00.000Z' });
  });

  it('never offers a slot in the past', async () => {
    await putSlots([0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, time: '00:00' })));
    const response = await nextSlot('2020-01-01T00:00:00Z');
    expect(response.statusCode).toBe(200);
    const at = Date.parse(response.json<{ at: string }>().at);
    expect(at).toBeGreaterThan(Date.now());
    expect(at - Date.now()).toBeLessThanOrEqual(25 * 3600_000);
  });
});

describe('the schedule_next_slot action', () => {
  const postsUrl = () => `/api/v1/workspaces/${workspace.id}/posts`;
  const act = (postId: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `${postsUrl()}/${postId}/actions`, headers: editor.headers, payload });

  async function approvedPost(targets: { accountId: string }[]): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: postsUrl(),
      headers: editor.headers,
      payload: { content: { text: 'Slot me' }, targets, submit: targets.length > 0 },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  }

  it('schedules an approved post at the next free slot, skipping slots other posts took but not its own', async () => {
    await putSlots(
      [0, 1, 2, 3, 4, 5, 6].flatMap((weekday) => [
        { weekday, time: '06:00' },
        { weekday, time: '18:00' },
      ]),
    );
    const expected = (await t.app.inject({ method: 'GET', url: `${slotsUrl()}/next`, headers: editor.headers })).json<{
      at: string;
    }>().at;
    const first = await approvedPost([{ accountId }]);
    const scheduled = await act(first, { type: 'schedule_next_slot' });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({ state: 'scheduled', scheduledAt: expected });
    const second = await approvedPost([{ accountId }]);
    const next = (await act(second, { type: 'schedule_next_slot' })).json<{ scheduledAt: string }>();
    expect(Date.parse(next.scheduledAt)).toBeGreaterThan(Date.parse(expected));
    // Asking again for the first post keeps it where it is: its own minute does not block it.
    expect((await act(first, { type: 'schedule_next_slot' })).json()).toMatchObject({ scheduledAt: expected });
  });

  it('answers 409 for a post without accounts, and 404 for a post of another workspace', async () => {
    const empty = await approvedPost([]);
    const noAccounts = await act(empty, { type: 'schedule_next_slot' });
    expect(noAccounts.statusCode).toBe(409);
    expect(noAccounts.json<Problem>().code).toBe('no_free_slot');
    const theirs = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${otherWorkspace.id}/posts`,
      headers: outsider.headers,
      payload: { content: { text: 'Theirs' } },
    });
    expect((await act(theirs.json<{ id: string }>().id, { type: 'schedule_next_slot' })).statusCode).toBe(404);
  });
});
