// The fake model `npm run bench:plan` talks to: the Ollama fake on loopback with a fixed latency before
// every chat answer (the simulated model time), answering in the shapes the recorded answers have
// (the Content agent's week of briefs, the content studio's variants, the voice check's score, the
// naive planner's one post), with texts varied by a seeded generator so the plan checks judge posts that
// differ as real ones do. It counts calls and prompt tokens per phase, with the fake's own token rule
// (`countTokens` over system + messages, what it reports as prompt_eval_count) for both approaches.
import { VOICE_MATCH_SYSTEM } from '@plume/core/content/voice-match';
import { contentAnswerFor } from '@plume/testing/fakes/llm/content-agent-answers';
import { countTokens, type FakeOllamaPrompt } from '@plume/testing/fakes/llm/ollama-fake-answers';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { NAIVE_SYSTEM } from './plan-naive.ts';
import { createTexts, type TextMaker } from './plan-texts.ts';

export type Phase = 'setup' | 'plume' | 'naive';
export type PhaseCount = {
  calls: number;
  promptTokens: number;
  byKind: Record<string, number>;
  tokensByKind: Record<string, number>;
};

export type PlanFake = {
  fake: OllamaFake;
  latencyMs: number;
  setPhase(phase: Phase): void;
  counts: Record<Phase, PhaseCount>;
  close(): Promise<void>;
};

const systemOf = (prompt: FakeOllamaPrompt) =>
  prompt.system ?? prompt.messages.find((message) => message.role === 'system')?.content ?? '';
const userOf = (prompt: FakeOllamaPrompt) =>
  prompt.messages.findLast((message) => message.role === 'user')?.content ?? '';

/** The fake's own count: the prompt's system and messages joined, ~4 characters a token. */
export function promptTokensOf(prompt: FakeOllamaPrompt): number {
  return countTokens((prompt.system ?? '') + prompt.messages.map((message) => message.content).join('\n'));
}

function plannerAnswer(user: string, texts: TextMaker): string {
  const answer = contentAnswerFor(user) as { briefs: Array<Record<string, unknown>> };
  const briefs = answer.briefs.map((brief) => ({
    ...brief,
    topic: texts.topic(),
    visualBrief: `A photo: ${texts.topic().toLowerCase()}, daylight, one subject.`,
  }));
  return JSON.stringify({ briefs });
}

function studioAnswer(system: string, texts: TextMaker): string {
  const networks = Array.from(system.matchAll(/"(\w+)": \{ "text"/g), (match) => match[1]!);
  const perNetwork = Object.fromEntries(
    networks.map((network) => [network, { text: texts.post(), hashtags: ['SaaS'], cta: 'Start a free trial' }]),
  );
  return JSON.stringify({ variants: [{ perNetwork }] });
}

function kindOf(system: string): string {
  if (system.includes('content planner')) return 'briefs';
  if (system === VOICE_MATCH_SYSTEM) return 'voice_check';
  if (system.startsWith('You write social media posts')) return 'draft';
  if (system.startsWith('You rewrite social media posts')) return 'rewrite';
  if (system === NAIVE_SYSTEM) return 'naive_post';
  return 'other';
}

function answerFor(kind: string, prompt: FakeOllamaPrompt, texts: TextMaker): string {
  const system = systemOf(prompt);
  switch (kind) {
    case 'briefs':
      return plannerAnswer(userOf(prompt), texts);
    case 'voice_check':
      return '{"score":0.82,"reason":"Plain and confident, as the brand asks."}';
    case 'draft':
      return studioAnswer(system, texts);
    case 'rewrite':
      return texts.post();
    case 'naive_post':
      return JSON.stringify({ topic: texts.topic(), text: texts.post(), hashtags: ['SaaS'] });
    default:
      return `You said: ${userOf(prompt)}`;
  }
}

export async function startPlanFake(latencyMs: number, seed: number): Promise<PlanFake> {
  const texts = createTexts(seed);
  const empty = (): PhaseCount => ({ calls: 0, promptTokens: 0, byKind: {}, tokensByKind: {} });
  const counts: Record<Phase, PhaseCount> = { setup: empty(), plume: empty(), naive: empty() };
  let phase: Phase = 'setup';
  const fake = await startOllamaFake({
    recordRequests: false,
    answer: (prompt) => {
      const kind = kindOf(systemOf(prompt));
      const count = counts[phase];
      count.calls += 1;
      const tokens = promptTokensOf(prompt);
      count.promptTokens += tokens;
      count.byKind[kind] = (count.byKind[kind] ?? 0) + 1;
      count.tokensByKind[kind] = (count.tokensByKind[kind] ?? 0) + tokens;
      return answerFor(kind, prompt, texts);
    },
  });
  // Every chat answer waits this long before its first byte: the model's time, the same for each call.
  fake.delayFirstByte(latencyMs, { path: '/api/chat', times: Number.MAX_SAFE_INTEGER });
  return {
    fake,
    latencyMs,
    counts,
    setPhase: (next) => {
      phase = next;
    },
    close: () => fake.close(),
  };
}
