/**
 * Scripts the fake Ollama for content-studio tests: generation prompts get a JSON of variants for the
 * networks the prompt asks for, voice checks get `{score, reason}`, rewrites get plain text. A test
 * swaps one part (`script.generation = …`) to exercise re-asks and repairs.
 */
import type { FakeOllamaPrompt, OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { VOICE_MATCH_SYSTEM } from '@plume/core/content/voice-match';
import { contentAnswerFor } from '@plume/testing/fakes/llm/content-agent-answers';

/** A complete brand profile, as a PUT body's `brand`. */
export const northwind = {
  name: 'Northwind Roasters',
  industry: 'Specialty coffee',
  audience: 'Home baristas in Europe',
  voice: { tone: ['warm', 'expert'], formality: 0.4, emoji: 'some', person: 'first_plural' },
  topics: ['cold brew', 'espresso'],
  topicsToAvoid: ['politics'],
  ctaDefaults: ['Shop the beans'],
  language: 'en-gb',
  hashtags: { always: ['#Northwind'], never: ['ad'] },
};

export type GenerationAsk = { networks: string[]; variants: number; attempt: number; prompt: FakeOllamaPrompt };

export type ContentScript = {
  generation: (ask: GenerationAsk) => string;
  rewrite: (prompt: FakeOllamaPrompt) => string;
  voice: () => string;
  /** The Content agent's briefs (agents/content): a valid week by default. */
  planner: (user: string) => string;
};

export function systemOf(prompt: FakeOllamaPrompt): string {
  return prompt.system ?? prompt.messages.find((message) => message.role === 'system')?.content ?? '';
}

export function postFor(network: string, variant: number): { text: string; hashtags: string[]; cta: string } {
  return {
    text: `Variant ${variant} for ${network}: cold brew is smoother than iced coffee. Read how at https://example.com/cold-brew-guide-for-home-baristas and shop the beans!`,
    hashtags: ['ColdBrew'],
    cta: 'Shop the beans',
  };
}

export function variantsJson(networks: readonly string[], variants: number, post = postFor): string {
  return JSON.stringify({
    variants: Array.from({ length: variants }, (_, index) => ({
      perNetwork: Object.fromEntries(networks.map((network) => [network, post(network, index + 1)])),
    })),
  });
}

export const defaultScript = (): ContentScript => ({
  generation: (ask) => variantsJson(ask.networks, ask.variants),
  rewrite: () => 'Cold brew, made simple. Shop the beans!',
  voice: () => '{"score":0.8,"reason":"Warm and direct, as the brand asks."}',
  planner: (user) => JSON.stringify(contentAnswerFor(user)),
});

/** Installs the script on the fake; returns it so tests can change a part. */
export function scriptContentModel(fake: OllamaFake): ContentScript {
  const script = defaultScript();
  fake.setAnswer((prompt) => {
    const system = systemOf(prompt);
    if (system === VOICE_MATCH_SYSTEM) return script.voice();
    if (system.includes('content planner')) return script.planner(prompt.messages.at(-1)?.content ?? '');
    if (system.startsWith('You rewrite social media posts')) return script.rewrite(prompt);
    if (system.startsWith('You write social media posts')) {
      const networks = Array.from(system.matchAll(/"(\w+)": \{ "text"/g), (match) => match[1]!);
      const user = prompt.messages.find((message) => message.role === 'user')?.content ?? '';
      const variants = Number(/Write (\d+) variant/.exec(user)?.[1] ?? 1);
      const attempt = prompt.messages.filter((message) => message.role === 'user').length;
      return script.generation({ networks, variants, attempt, prompt });
    }
    return `You said: ${prompt.messages.at(-1)?.content ?? ''}`;
  });
  return script;
}
