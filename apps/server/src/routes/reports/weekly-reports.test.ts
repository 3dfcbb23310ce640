import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeeklyReport, WeeklyReportSummary } from '@plume/contract/reports/weekly-report-schemas';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let owner: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
let otherWorkspace: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.app, t.db, { name: 'Wren Weekly' });
  viewer = await createUser(t.app, t.db, { name: 'Vic Viewer' });
  outsider = await createUser(t.app, t.db, { name: 'Otto Outsider' });
  workspace = await createWorkspaceAs(t.app, owner);
  otherWorkspace = await createWorkspaceAs(t.app, outsider);
  await addMember(t.app, workspace, owner, viewer, 'viewer');
  const zone = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/workspaces/${workspace.id}`,
    headers: owner.headers,
    payload: { timezone: 'Asia/Tokyo' },
  });
  expect(zone.statusCode, zone.body).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const url = (ws: string, id = '') => `/api/v1/workspaces/${ws}/reports/weekly${id === '' ? '' : `/${id}`}`;

describe('weekly reports API', () => {
  it('lists nothing before the first report', async () => {
    const response = await t.app.inject({ method: 'GET', url: url(workspace.id), headers: viewer.headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [] });
  });

  it('lets an admin generate the last full week now (201), and again without a second report (200)', async () => {
    const denied = await t.app.inject({ method: 'POST', url: url(workspace.id), headers: viewer.headers });
    expect(denied.statusCode).toBe(403);
    const first = await t.app.inject({ method: 'POST', url: url(workspace.id), headers: owner.headers });
    expect(first.statusCode, first.body).toBe(201);
    const report = first.json<WeeklyReport>();
    expect(report.timezone).toBe('Asia/Tokyo');
    expect(report.body.empty).toBe(true);
    expect(report.summary).toMatch(/^Nothing went out in the week of Mon, .+ \(Asia\/Tokyo\)/);
    // Monday 00:00 in Tokyo is Sunday 15:00 UTC.
    expect(report.weekStart).toMatch(/T15:00:00\.000Z$/);
    expect(new Date(report.weekEnd).getTime() - new Date(report.weekStart).getTime()).toBe(7 * 86_400_000);
    const again = await t.app.inject({ method: 'POST', url: url(workspace.id), headers: owner.headers });
    expect(again.statusCode).toBe(200);
    expect(again.json<WeeklyReport>().id).toBe(report.id);

    const list = await t.app.inject({ method: 'GET', url: url(workspace.id), headers: viewer.headers });
    expect(list.json<{ items: WeeklyReportSummary[] }>().items.map((item) => item.id)).toEqual([report.id]);
    const one = await t.app.inject({ method: 'GET', url: url(workspace.id, report.id), headers: viewer.headers });
    expect(one.statusCode).toBe(200);
    expect(one.json<WeeklyReport>().body.daily).toHaveLength(7);
  });

  it('hides a report from other workspaces (404), even through a workspace of their own', async () => {
    const list = await t.app.inject({ method: 'GET', url: url(workspace.id), headers: owner.headers });
    const [report] = list.json<{ items: WeeklyReportSummary[] }>().items;
    const direct = await t.app.inject({ method: 'GET', url: url(workspace.id, report!.id), headers: outsider.headers });
    expect(direct.statusCode).toBe(404);
    const crossed = await t.app.inject({
      method: 'GET',
      url: url(otherWorkspace.id, report!.id),
      headers: outsider.headers,
    });
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json<{ code: string }>().code).toBe('not_found');
  });

  it('says in plain words when the id is not a report id', async () => {
    const response = await t.app.inject({ method: 'GET', url: url(workspace.id, 'nope'), headers: owner.headers });
    expect(response.statusCode).toBe(400);
  });
});
