/** Valid request bodies for the strategy routes, for the route sweep and the strategy tests. */
import { findIndustryTemplate } from '@plume/core/planning/templates/industry-templates';
import type { OnboardingBody, StrategyBody } from '@plume/contract/planning/strategy-schemas';
import type { RouteExample } from './route-sweep.ts';

export const exampleStrategy: StrategyBody = {
  pillars: [
    { key: 'tips', name: 'Tips', share: 60, description: 'Short practical tips' },
    { key: 'offers', name: 'Offers', share: 40, description: 'Offers and news' },
  ],
  goals: ['leads'],
  audience: 'Small business owners nearby',
  tone: ['friendly'],
  cadence: { bluesky: 3, linkedin: 2 },
  kpiTargets: [{ key: 'leads', name: 'Leads', unit: 'count', target: 20 }],
  locale: 'en-US',
  monthlyAiBudgetUsd: 5,
  templateId: null,
  templateVersion: null,
};

export const exampleOnboarding: OnboardingBody = {
  templateId: 'local-service',
  goals: ['leads', 'community'],
  audience: 'Home owners in Leeds',
  tone: ['friendly', 'reliable'],
  cadence: { facebook: 4, instagram: 3 },
  monthlyAiBudgetUsd: 10,
};

export function exampleTemplate() {
  const template = findIndustryTemplate('saas');
  if (!template) throw new Error('the saas template is missing');
  return template;
}

export const strategyExamples: Record<string, RouteExample> = {
  'GET /api/v1/industry-templates/{templateId}': { params: { templateId: 'saas' } },
  'PUT /api/v1/workspaces/{workspaceId}/strategy': { body: exampleStrategy },
  'POST /api/v1/workspaces/{workspaceId}/onboarding': { body: exampleOnboarding },
  'PUT /api/v1/workspaces/{workspaceId}/strategy/template': { body: exampleTemplate() },
};
