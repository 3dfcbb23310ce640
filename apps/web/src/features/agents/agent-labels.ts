import type { WireAgentRun, WireAgentRunSummary } from '@plume/contract/agents/agent-run-schemas';

const kindLabels: Record<WireAgentRunSummary['kind'], string> = {
  intelligence: 'Intelligence',
  intelligence_strategy: 'Intelligence + Strategy',
  content: 'Content: briefs and drafts',
  learning: 'Learning (weekly retrospective)',
  execution: 'Execution',
};

const stateLabels: Record<WireAgentRunSummary['state'], string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const stepLabels: Record<string, string> = {
  facts: 'Read analytics and learned best times',
  intelligence: 'Intelligence agent: what the facts say',
  'intelligence:retry': 'Intelligence agent: asked again (previous answer not usable)',
  strategy: 'Strategy agent: themes, pillar mix, KPI targets',
  'strategy:retry': 'Strategy agent: asked again (previous answer not usable)',
  results: "Compare the week's plan with its results",
  retrospective: 'Learning agent: what worked, what did not, adjustments',
  'retrospective:retry': 'Learning agent: asked again (previous answer not usable)',
};

export const kindLabel = (kind: WireAgentRunSummary['kind']) => kindLabels[kind];
export const stateLabel = (state: WireAgentRunSummary['state']) => stateLabels[state];
export const stepLabel = (key: string) =>
  stepLabels[key] ??
  contentStepLabel(key) ??
  (key.startsWith('week:') ? `Execution agent: place and submit the week of ${key.slice(5)}` : key);

/** The Content agent's steps: `context`, `briefs:<monday>` (and `:retry`), `store:<monday>`, `draft:<briefId>`. */
function contentStepLabel(key: string): string | null {
  const [kind, what, retry] = key.split(':');
  if (kind === 'context' && what === undefined) return 'Content agent: read the plan, strategy and accounts';
  if (kind === 'briefs') return `Content agent: briefs for the week of ${what}${retry ? ' (asked again)' : ''}`;
  if (kind === 'store') return `Briefs of the week of ${what} saved to the plan`;
  if (kind === 'draft') return `Content studio: draft for brief ${what?.slice(0, 8) ?? ''}`;
  return null;
}

/** Money in micro-dollars, as people read it: "$0.0012", or "free" for local models. */
export function formatCost(micros: number): string {
  if (micros === 0) return '$0 (local or free)';
  const usd = micros / 1_000_000;
  return `$${usd < 0.01 ? usd.toFixed(4) : usd.toFixed(2)}`;
}

export function stateTone(state: WireAgentRunSummary['state']): string {
  if (state === 'succeeded') return 'bg-success-soft text-success';
  if (state === 'failed') return 'bg-danger-soft text-danger';
  if (state === 'cancelled') return 'bg-subtle text-muted';
  return 'bg-accent-soft text-accent';
}

/** "2 of 3 steps" for the progress bar. */
export function progressOf(run: Pick<WireAgentRun, 'doneSteps' | 'plannedSteps'>): number {
  return run.plannedSteps === 0 ? 0 : Math.round((run.doneSteps / run.plannedSteps) * 100);
}

/** "YYYY-MM" as "January 2027". */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 2000, (number ?? 1) - 1, 1));
  return new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
