/**
 * Industry templates: versioned data files (packages/core/src/planning/templates/data) a workspace
 * starts its strategy from, and the workspace's own editable copy. Every piece of advice names where
 * it comes from (`sources`); shares and cadences are starting points the Strategy agent adjusts.
 */
import { z } from 'zod';
import { NETWORK_IDS } from '../networks/network-enums.ts';
import { seasonalRuleSchema } from './seasonal-rules.ts';

export const GOALS = ['awareness', 'leads', 'sales', 'community'] as const;
export type Goal = (typeof GOALS)[number];

/** The locales whose holidays and events the templates know. */
export const CALENDAR_LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR'] as const;
export type CalendarLocale = (typeof CALENDAR_LOCALES)[number];

const line = (max: number) => z.string().trim().min(1).max(max);
const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'A key is lowercase letters, digits and underscores, e.g. product_education');

export const templateIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'A template id is lowercase letters, digits and dashes, e.g. local-service')
  .meta({ examples: ['saas'] });

export const pillarSchema = z.strictObject({
  key,
  name: line(60),
  /** Percentage of the posts, 0–100; a strategy's or template's pillars sum to 100. */
  share: z.number().int().min(0).max(100),
  description: line(300),
});
export type Pillar = z.infer<typeof pillarSchema>;

/** Issues for pillars whose shares do not sum to 100 or whose keys repeat, at the pillars' path. */
export function checkPillars(pillars: Pillar[], context: z.RefinementCtx, path: PropertyKey[]): void {
  const total = pillars.reduce((sum, pillar) => sum + pillar.share, 0);
  if (pillars.length > 0 && total !== 100) {
    context.addIssue({
      code: 'custom',
      path,
      message: `The pillars' shares must add up to 100 (they add up to ${total})`,
    });
  }
  const seen = new Set<string>();
  pillars.forEach((pillar, index) => {
    if (seen.has(pillar.key))
      context.addIssue({
        code: 'custom',
        path: [...path, index, 'key'],
        message: `Pillar "${pillar.key}" appears twice`,
      });
    seen.add(pillar.key);
  });
}

export const networkPlanSchema = z.strictObject({
  /** Starting cadence: posts per week on this network. */
  postsPerWeek: z.number().int().min(1).max(50),
  /** Post formats that suit this industry on this network, most useful first. */
  formats: z.array(line(80)).min(1).max(8),
});

export const sourceSchema = z.strictObject({
  title: line(200),
  publisher: line(120),
  url: z.url({ protocol: /^https$/ }),
  /** Which advice of the template this source backs. */
  supports: line(300),
});

export const kpiSchema = z.strictObject({
  key,
  name: line(80),
  unit: z.enum(['percent', 'count', 'per_week', 'usd']),
  goal: z.enum(GOALS),
  description: line(300),
});

export const exampleBriefSchema = z.strictObject({
  pillar: key,
  network: z.enum(NETWORK_IDS),
  brief: line(400),
});

/** A date that matters to the industry: a holiday of the locale's calendar, or an event of its own. */
export const seasonalEntrySchema = z.union([
  z.strictObject({ holiday: key, angle: line(200) }),
  z.strictObject({ id: key, name: line(80), rule: seasonalRuleSchema, angle: line(200) }),
]);
export type SeasonalEntry = z.infer<typeof seasonalEntrySchema>;

const templateShape = z.strictObject({
  id: templateIdSchema,
  /** Raised whenever the advice changes; a workspace's copy records the version it came from. */
  version: z.number().int().min(1),
  name: line(60),
  description: line(300),
  audience: line(300),
  goals: z.array(z.enum(GOALS)).min(1).max(4),
  tone: z.array(line(30)).min(1).max(6),
  pillars: z.array(pillarSchema).min(2).max(8),
  /** Where the pillar split comes from, in plain words (no study fixes a split, so most are editorial). */
  shareBasis: line(300),
  networks: z.partialRecord(z.enum(NETWORK_IDS), networkPlanSchema),
  hashtagSeeds: z.array(z.string().regex(/^[\p{L}\p{N}_]+$/u, 'A hashtag seed has no # and no spaces')).max(20),
  ctaStyles: z.array(line(120)).min(1).max(8),
  exampleBriefs: z.array(exampleBriefSchema).min(1).max(12),
  kpis: z.array(kpiSchema).min(1).max(8),
  seasonal: z.partialRecord(z.enum(CALENDAR_LOCALES), z.array(seasonalEntrySchema).max(30)),
  sources: z.array(sourceSchema).min(1).max(12),
});

export const industryTemplateSchema = templateShape.superRefine((template, context) => {
  checkPillars(template.pillars, context, ['pillars']);
  if (Object.keys(template.networks).length === 0)
    context.addIssue({ code: 'custom', path: ['networks'], message: 'Name at least one network' });
  const pillarKeys = new Set(template.pillars.map((pillar) => pillar.key));
  template.exampleBriefs.forEach((brief, index) => {
    if (!pillarKeys.has(brief.pillar))
      context.addIssue({
        code: 'custom',
        path: ['exampleBriefs', index, 'pillar'],
        message: `"${brief.pillar}" is not one of the template's pillars`,
      });
  });
});
export type IndustryTemplate = z.infer<typeof industryTemplateSchema>;

export const templateSummarySchema = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  description: z.string(),
  goals: z.array(z.enum(GOALS)),
  networks: z.array(z.enum(NETWORK_IDS)),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

/** A locale's holidays and events, by id; templates name the ones their industry uses. */
export const localeCalendarSchema = z.strictObject({
  locale: z.enum(CALENDAR_LOCALES),
  version: z.number().int().min(1),
  sources: z.array(sourceSchema).min(1),
  events: z.array(
    z.strictObject({
      id: key,
      name: line(80),
      kind: z.enum(['public_holiday', 'observance', 'retail']),
      rule: seasonalRuleSchema,
    }),
  ),
});
export type LocaleCalendar = z.infer<typeof localeCalendarSchema>;
