import { describe, expect, it } from 'vitest';
import { brandProfileSchema, personaSchema } from '@plume/contract/content/brand-profile';
import { buildGenerationPrompt, describeTarget } from './generation-prompt.ts';
import { testNetworks } from './test-networks.ts';
import { BUILT_IN_TEMPLATES } from './templates.ts';

const manifest = (id: keyof typeof testNetworks) => testNetworks[id];

const brand = brandProfileSchema.parse({
  name: 'Northwind Roasters',
  industry: 'Specialty coffee',
  audience: 'Home baristas in Europe',
  voice: { tone: ['warm', 'expert'], formality: 0.3, emoji: 'none', person: 'first_plural' },
  topicsToAvoid: ['politics'],
  ctaDefaults: ['Shop the beans'],
  language: 'en-GB',
  hashtags: { always: ['Northwind'], never: ['ad'] },
});

const request = {
  voice: { brand },
  template: BUILT_IN_TEMPLATES.educational,
  brief: 'Why cold brew tastes smoother',
  targets: [manifest('x'), manifest('bluesky'), manifest('mastodon'), manifest('linkedin'), manifest('discord')],
  mediaCount: 1,
  variants: 3,
};

describe('buildGenerationPrompt', () => {
  it('states each limit the network’s way, with hashtags, threads and alt text', () => {
    const result = buildGenerationPrompt(request);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { user } = result.prompt;
    expect(user).toContain(
      '- x (X): at most 280 weighted characters (URLs count 23, emoji and CJK characters count 2)',
    );
    expect(user).toContain('- bluesky (Bluesky): at most 300 graphemes');
    expect(user).toContain('- mastodon (Mastodon): at most 500 characters (URLs count 23)');
    expect(user).toContain('- linkedin (LinkedIn): at most 3,000 characters');
    expect(user).toMatch(/x \(X\).*At most 2 hashtags.*up to 24 further parts.*"altText" \(at most 1,000 characters\)/);
    expect(user).toMatch(/discord \(Discord\).*No hashtags/);
    expect(user).not.toMatch(/linkedin \(LinkedIn\).*thread/);
    expect(user).toContain('Write 3 variants');
    expect(user).toContain('"""\nWhy cold brew tastes smoother\n"""');
    expect(user).toContain('Write an educational post about Why cold brew tastes smoother');
    expect(user).toContain('Call to action: Shop the beans');
  });

  it('puts voice, language, restrictions and the answer format in the system prompt', () => {
    const result = buildGenerationPrompt(request);
    if (!result.ok) throw new Error('expected a prompt');
    const { system } = result.prompt;
    expect(system).toContain('Tone: warm, expert; casual.');
    expect(system).toContain('Do not use emoji.');
    expect(system).toContain('first person plural');
    expect(system).toContain('Write in British English (en-GB).');
    expect(system).toContain('Never mention these topics: politics.');
    expect(system).toContain('#Northwind');
    expect(system).toContain('Never use these hashtags: #ad.');
    expect(system).toContain('"x": { "text": "…"');
  });

  it('speaks as the persona and keeps its AI disclosure', () => {
    const persona = personaSchema.parse({
      name: 'Bea',
      traits: { humor: 0.9, warmth: 0.5 },
      disclosure: 'AI-assisted account.',
    });
    const result = buildGenerationPrompt({ ...request, voice: { brand, persona } });
    if (!result.ok) throw new Error('expected a prompt');
    expect(result.prompt.system).toContain('You write as Bea, a character of Northwind Roasters.');
    expect(result.prompt.system).toContain('Traits: humor strong, warmth moderate.');
    expect(result.prompt.system).toContain('Never claim to be human');
  });

  it('refuses bad variant counts, no targets and template errors', () => {
    expect(buildGenerationPrompt({ ...request, variants: 6 })).toMatchObject({
      ok: false,
      errors: [{ code: 'invalid_request' }],
    });
    expect(buildGenerationPrompt({ ...request, targets: [] })).toMatchObject({
      ok: false,
      errors: [{ code: 'invalid_request' }],
    });
    expect(
      buildGenerationPrompt({
        ...request,
        template: BUILT_IN_TEMPLATES.comparison,
        templateValues: { product: 'Kit' },
      }),
    ).toMatchObject({
      ok: false,
      errors: [{ code: 'missing_value', placeholder: 'competitor' }],
    });
  });
});

describe('describeTarget', () => {
  it('asks for a title where the network has one and no alt text without media', () => {
    const youtube = describeTarget(manifest('youtube'), 0);
    expect(youtube).toContain('at most 5,000 bytes of UTF-8');
    expect(youtube).toContain('"title" of at most 100 characters is required');
    expect(youtube).not.toContain('altText');
  });
});
