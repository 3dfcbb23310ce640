/**
 * The week's measured A/B tests as the Learning agent reads them: a few short entries (kind, network,
 * topic, winner, the verdict in plain words, and what differed: each variant's opening words for a text
 * test, each variant's time for a time test). Results come from `abResultsForWeek` (planning/ab-tests).
 */
import type { WeekAbTest } from '@plume/contract/agents/learning-outputs';
import { MAX_AB_TESTS } from '@plume/contract/agents/learning-outputs';
import type { AbResult, AbResultVariant } from '../../planning/ab-tests/ab-results.ts';

const TOPIC_CHARS = 80;
const VERDICT_CHARS = 200;
const OPENING_CHARS = 100;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

function difference(kind: AbResult['kind'], variant: AbResultVariant): string {
  if (kind === 'time') return variant.slotLocal ?? 'no time';
  return cut(variant.text.replace(/\s+/g, ' ').trim(), OPENING_CHARS);
}

export function summarizeAbTests(results: readonly AbResult[]): WeekAbTest[] {
  return results.slice(0, MAX_AB_TESTS).map((result) => ({
    kind: result.kind,
    network: result.network,
    pillar: cut(result.pillar, 40),
    topic: cut(result.topic, TOPIC_CHARS),
    winner: result.winner,
    verdict: cut(result.verdict, VERDICT_CHARS),
    a: difference(result.kind, result.a),
    b: difference(result.kind, result.b),
  }));
}

/** One line per test for the retrospective's prompt. */
export function describeAbTests(tests: readonly WeekAbTest[]): string[] {
  return tests.map(
    (test) =>
      `A/B test (${test.kind}) ${test.network} [${test.pillar}] "${test.topic}": A ${test.kind === 'time' ? 'at' : '='} "${test.a}", B ${test.kind === 'time' ? 'at' : '='} "${test.b}". ${test.winner ? `Winner ${test.winner}.` : 'No clear winner.'} ${test.verdict}`,
  );
}
