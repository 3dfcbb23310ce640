/** The first strategy and the brand profile's fields, built from the onboarding answers and a template (pure). */
import type { BrandProfile } from '@plume/contract/content/brand-profile';
import { brandProfileSchema } from '@plume/contract/content/brand-profile';
import type { Goal, IndustryTemplate } from '@plume/contract/planning/template-schemas';
import type { WorkspaceStrategy } from '@plume/contract/planning/strategy-schemas';
import { localeSchema } from '@plume/contract/common-schemas';

export type OnboardingAnswers = {
  templateId: string;
  goals: Goal[];
  audience: string;
  tone: string[];
  cadence: WorkspaceStrategy['cadence'];
  monthlyAiBudgetUsd: number | null;
};

export const GOAL_LABELS: Record<Goal, string> = {
  awareness: 'Brand awareness',
  leads: 'Leads',
  sales: 'Sales',
  community: 'Community',
};

/**
 * The strategy: pillars from the workspace's template copy, the answers' goals, audience, tone,
 * cadence and budget, and the template's KPIs for those goals. A KPI target already set in the
 * previous strategy is kept when the KPI remains.
 */
export function strategyFromAnswers(
  template: IndustryTemplate,
  answers: OnboardingAnswers,
  context: { locale: string; previous: WorkspaceStrategy | null },
): WorkspaceStrategy {
  const forGoals = template.kpis.filter((kpi) => answers.goals.includes(kpi.goal));
  const kpis = forGoals.length > 0 ? forGoals : template.kpis;
  const previousTargets = new Map(context.previous?.kpiTargets.map((kpi) => [kpi.key, kpi.target]) ?? []);
  const locale = localeSchema.safeParse(context.locale);
  return {
    pillars: template.pillars.map((pillar) => ({ ...pillar })),
    goals: [...new Set(answers.goals)],
    audience: answers.audience,
    tone: answers.tone,
    cadence: answers.cadence,
    kpiTargets: kpis.map((kpi) => ({
      key: kpi.key,
      name: kpi.name,
      unit: kpi.unit,
      target: previousTargets.get(kpi.key) ?? null,
    })),
    locale: locale.success ? locale.data : 'en',
    monthlyAiBudgetUsd: answers.monthlyAiBudgetUsd,
    templateId: template.id,
    templateVersion: template.version,
    // The posting rules are not asked in the wizard: a re-run keeps them.
    ...(context.previous?.rules === undefined ? {} : { rules: context.previous.rules }),
  };
}

/**
 * The brand profile after onboarding: the answers replace industry, audience, goals and tone; the
 * template fills topics and calls to action only where the profile has none; everything the wizard
 * does not ask (name, formality, emoji, person, topics to avoid, hashtags, language) is kept.
 */
export function brandFromAnswers(
  existing: BrandProfile | null,
  template: IndustryTemplate,
  answers: OnboardingAnswers,
  workspace: { name: string; locale: string },
): BrandProfile {
  const voice = existing?.voice ?? { formality: 0.5, emoji: 'some' as const, person: 'first_plural' as const };
  return brandProfileSchema.parse({
    name: existing?.name ?? workspace.name,
    industry: template.name,
    audience: answers.audience,
    goals: answers.goals.map((goal) => GOAL_LABELS[goal]),
    voice: { ...voice, tone: answers.tone },
    topics: existing && existing.topics.length > 0 ? existing.topics : template.pillars.map((pillar) => pillar.name),
    topicsToAvoid: existing?.topicsToAvoid ?? [],
    ctaDefaults: existing && existing.ctaDefaults.length > 0 ? existing.ctaDefaults : template.ctaStyles,
    language: existing?.language ?? workspace.locale,
    hashtags: existing?.hashtags ?? { always: [], never: [] },
  });
}
