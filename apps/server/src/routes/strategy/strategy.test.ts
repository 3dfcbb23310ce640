import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmBudgets } from '@plume/db/schema/llm';
import type { OnboardingResult, StrategyView, TemplateCopyView } from '@plume/contract/planning/strategy-schemas';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { exampleOnboarding, exampleStrategy, exampleTemplate } from '../../test-support/strategy-examples.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let owner: TestUser;
let editor: TestUser;
let workspace: TestWorkspace;

type Problem = { code: string; errors?: { path: string; message: string }[] };

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.app, t.db, { name: 'Olga Owner' });
  editor = await createUser(t.app, t.db, { name: 'Ed Editor' });
  workspace = await createWorkspaceAs(t.app, owner, { name: 'Leeds Plumbing' });
  await addMember(t.app, workspace, owner, editor, 'editor');
});

afterAll(async () => {
  await t.close();
});

const base = (ws = workspace.id) => `/api/v1/workspaces/${ws}`;
const inject = (method: 'GET' | 'PUT' | 'POST', path: string, payload?: object, user = owner) =>
  t.app.inject({ method, url: `${base()}${path}`, headers: user.headers, ...(payload ? { payload } : {}) });

describe('industry templates', () => {
  it('lists at least 12 templates and answers one in full with its sources; an unknown id is 404', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/industry-templates', headers: editor.headers });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: { id: string; networks: string[] }[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(items.find((item) => item.id === 'local-service')?.networks).toContain('google_business');

    const one = await t.app.inject({
      method: 'GET',
      url: '/api/v1/industry-templates/restaurant',
      headers: editor.headers,
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: 'restaurant', version: 1, sources: expect.any(Array) });

    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/industry-templates/nope',
      headers: editor.headers,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('onboarding and strategy', () => {
  it('starts with no strategy and a hint', async () => {
    const empty = await inject('GET', '/strategy');
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ strategy: null, upcoming: [], hint: expect.stringContaining('onboarding') });
  });

  it('fills the brand profile, copies the template, creates the strategy and sets the monthly AI cap', async () => {
    const response = await inject('POST', '/onboarding', exampleOnboarding);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<OnboardingResult>();
    expect(result).toMatchObject({
      brandProfile: 'saved',
      templateCopy: { templateId: 'local-service', templateVersion: 1, kept: false },
    });
    const strategy = result.strategy.strategy!;
    expect(strategy.pillars.map((pillar) => pillar.share)).toEqual([35, 25, 25, 15]);
    expect(strategy).toMatchObject({
      goals: ['leads', 'community'],
      cadence: { facebook: 4, instagram: 3 },
      templateId: 'local-service',
      locale: 'en',
      monthlyAiBudgetUsd: 10,
    });
    expect(strategy.kpiTargets.map((kpi) => kpi.key)).toEqual(['leads', 'engagement_rate']);
    expect(result.strategy.calendarLocale).toBe('en-US');
    const dates = result.strategy.upcoming.map((item) => Date.parse(`${item.date}T12:00:00Z`));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    for (const date of dates) expect(Math.abs(date - Date.now())).toBeLessThan(92 * 86_400_000);

    const brand = await inject('GET', '/brand-profile');
    expect(brand.json()).toMatchObject({
      profile: {
        brand: {
          name: 'Leeds Plumbing',
          industry: 'Local service business',
          audience: 'Home owners in Leeds',
          goals: ['Leads', 'Community'],
          voice: { tone: ['friendly', 'reliable'] },
          ctaDefaults: expect.arrayContaining(['Call us']),
        },
      },
    });
    const [budget] = await t.db.select().from(llmBudgets).where(eq(llmBudgets.workspaceId, workspace.id));
    expect(budget?.monthlyLimitMicros).toBe(10_000_000);
  });

  it('re-running with the same template keeps the edited copy and KPI targets; another template replaces the copy', async () => {
    const copy = (await inject('GET', '/strategy/template')).json<TemplateCopyView>().copy!;
    expect(copy).toMatchObject({ templateId: 'local-service', edited: false, latestVersion: 1 });
    const pillars = [
      { key: 'repairs', name: 'Repairs', share: 70, description: 'Jobs we fixed' },
      { key: 'tips', name: 'Tips', share: 30, description: 'Home tips' },
    ];
    const exampleBriefs = [{ pillar: 'repairs', network: 'facebook', brief: 'A boiler we fixed this week' }];
    const edited = await inject('PUT', '/strategy/template', { ...copy.template, pillars, exampleBriefs });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<TemplateCopyView>().copy).toMatchObject({ edited: true, templateVersion: 1 });

    const current = (await inject('GET', '/strategy')).json<StrategyView>().strategy!;
    const { updatedAt: _updatedAt, ...body } = current;
    const kpiTargets = body.kpiTargets.map((kpi) => (kpi.key === 'leads' ? { ...kpi, target: 40 } : kpi));
    expect((await inject('PUT', '/strategy', { ...body, kpiTargets })).statusCode).toBe(200);

    const again = (await inject('POST', '/onboarding', exampleOnboarding)).json<OnboardingResult>();
    expect(again.templateCopy.kept).toBe(true);
    expect(again.notes.join(' ')).toContain('edited copy');
    expect(again.strategy.strategy?.pillars.map((pillar) => pillar.key)).toEqual(['repairs', 'tips']);
    expect(again.strategy.strategy?.kpiTargets.find((kpi) => kpi.key === 'leads')?.target).toBe(40);

    const other = await inject('POST', '/onboarding', { ...exampleOnboarding, templateId: 'restaurant' });
    expect(other.json<OnboardingResult>().templateCopy).toMatchObject({ templateId: 'restaurant', kept: false });
    expect(other.json<OnboardingResult>().strategy.strategy?.pillars[0]?.key).toBe('signature_dishes');
  });

  it('refuses a strategy whose shares do not add up to 100, and bad cadence, at the field', async () => {
    const shares = await inject('PUT', '/strategy', {
      ...exampleStrategy,
      pillars: exampleStrategy.pillars.map((pillar) => ({ ...pillar, share: 30 })),
    });
    expect(shares.statusCode).toBe(400);
    expect(shares.json<Problem>().errors).toContainEqual({
      path: 'body/pillars',
      message: "The pillars' shares must add up to 100 (they add up to 60)",
    });
    const cadence = await inject('PUT', '/strategy', { ...exampleStrategy, cadence: { bluesky: 80 } });
    expect(cadence.statusCode).toBe(400);
    expect(cadence.json<Problem>().errors?.[0]?.path).toBe('body/cadence/bluesky');
    const none = await inject('PUT', '/strategy', { ...exampleStrategy, cadence: {} });
    expect(none.json<Problem>().errors?.[0]?.path).toBe('body/cadence');
    const unknown = await inject('POST', '/onboarding', { ...exampleOnboarding, templateId: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<Problem>().errors?.[0]?.path).toBe('body/templateId');
  });

  it('a copy cannot change which template it is of', async () => {
    const response = await inject('PUT', '/strategy/template', exampleTemplate());
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().errors?.[0]?.path).toBe('body/id');
  });

  it('editors read the strategy; only admins change it', async () => {
    expect((await inject('GET', '/strategy', undefined, editor)).statusCode).toBe(200);
    expect((await inject('PUT', '/strategy', exampleStrategy, editor)).statusCode).toBe(403);
    expect((await inject('POST', '/onboarding', exampleOnboarding, editor)).statusCode).toBe(403);
  });

  it('a character workspace without a persona gets its strategy and a note, not a half-saved profile', async () => {
    const character = await createWorkspaceAs(t.app, owner, { kind: 'character' });
    const response = await t.app.inject({
      method: 'POST',
      url: `${base(character.id)}/onboarding`,
      headers: owner.headers,
      payload: { ...exampleOnboarding, templateId: 'creator' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<OnboardingResult>()).toMatchObject({ brandProfile: 'needs_persona' });
    const brand = await t.app.inject({
      method: 'GET',
      url: `${base(character.id)}/brand-profile`,
      headers: owner.headers,
    });
    expect(brand.json()).toMatchObject({ profile: null });
  });
});
