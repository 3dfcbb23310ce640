// Seeded texts for the plan bench's fake model and its history: a software company's posts and topics,
// built from word lists so that no two are alike (as a model's posts on different topics are not), every
// post short enough for X and Bluesky. Deterministic: the same seed gives the same texts.

const SUBJECTS = [
  'Release notes',
  'Our support team',
  'A customer in Lyon',
  'The new dashboard',
  'Audit logs',
  'Single sign-on',
  'The mobile app',
  'Our API',
  'Weekly reports',
  'Role permissions',
  'The onboarding checklist',
  'Usage alerts',
  'The import wizard',
  'Team workspaces',
  'Data exports',
  'The changelog',
  'Our status page',
  'Offline mode',
  'Custom fields',
  'Scheduled syncs',
];
const VERBS = [
  'cuts',
  'speeds up',
  'simplifies',
  'explains',
  'fixes',
  'automates',
  'tracks',
  'shortens',
  'protects',
  'highlights',
  'organises',
  'replaces',
  'measures',
  'untangles',
  'previews',
];
const OBJECTS = [
  'month-end reporting',
  'invoice approvals',
  'handovers between shifts',
  'quarterly planning',
  'access reviews',
  'renewal reminders',
  'duplicate records',
  'slow spreadsheet lookups',
  'first-week questions',
  'tickets that bounce between teams',
  'compliance evidence',
  'forecast drift',
  'manual CSV uploads',
  'late status updates',
  'budget sign-offs',
  'migration weekends',
  'churn warnings',
  'trial activation',
  'vendor onboarding',
  'release rollbacks',
];
const ENDINGS = [
  'in three clicks',
  'without a single macro',
  'for teams of any size',
  'before Monday standup',
  'with one shared view',
  'while you sleep',
  'in under a minute',
  'across every region',
  'with fewer meetings',
  'straight from Slack',
];
const TAILS = [
  'Here is how.',
  'Worth a look.',
  'Tell us what you think.',
  'Try it today.',
  'Details in the docs.',
  'Questions welcome.',
  'Five minutes to set up.',
  'Live for everyone now.',
];

export type TextMaker = { topic(): string; post(): string; next(): number };

/** mulberry32: small, fast, seeded. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createTexts(seed: number): TextMaker {
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(ENDINGS)}.`;
  return {
    next: random,
    topic: () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}`,
    post: () => `${sentence()} ${sentence()} ${pick(TAILS)}`,
  };
}
