import { describe, expect, it } from 'vitest';
import { brandProfileSchema } from '@plume/contract/content/brand-profile';
import { buildRewritePrompt, parseRewriteAction, rewriteInstruction } from './rewrite-actions.ts';
import { testNetworks } from './test-networks.ts';

const brand = brandProfileSchema.parse({
  name: 'Northwind Roasters',
  industry: 'Specialty coffee',
  audience: 'Home baristas',
  voice: { tone: ['warm'], formality: 0.4, emoji: 'some', person: 'first_plural' },
  language: 'en',
});
const text =
  'Cold brew is smoother than iced coffee because cold water pulls fewer bitter compounds from the beans. Try it this weekend! https://northwind.coffee/cold-brew';
const context = { text, network: testNetworks.x, voice: { brand } };

describe('parseRewriteAction', () => {
  it('accepts every action and requires a language for translate', () => {
    for (const action of ['shorter', 'longer', 'more_casual', 'more_formal', 'add_emoji'])
      expect(parseRewriteAction({ action }).ok).toBe(true);
    expect(parseRewriteAction({ action: 'translate', language: 'pt-br' })).toEqual({
      ok: true,
      action: { action: 'translate', language: 'pt-BR' },
    });
    const missing = parseRewriteAction({ action: 'translate' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues[0]!.path).toBe('language');
    expect(parseRewriteAction({ action: 'funnier' }).ok).toBe(false);
  });
});

describe('rewriteInstruction', () => {
  it('states targets and the limit the network’s way', () => {
    expect(rewriteInstruction({ action: 'shorter' }, context)).toBe(
      'Make it shorter: about 103 weighted characters (now 147). Never exceed 280 weighted characters (URLs count 23, emoji and CJK characters count 2) on X. Cut filler first; keep the meaning, links, hashtags and call to action.',
    );
    expect(rewriteInstruction({ action: 'longer' }, context)).toMatch(
      /^Make it longer: about 206 weighted characters \(now 147\)\./,
    );
    expect(rewriteInstruction({ action: 'longer' }, { ...context, network: testNetworks.linkedin })).toMatch(
      /about 800 characters/,
    );
  });

  it('names the target language of a translation', () => {
    expect(rewriteInstruction({ action: 'translate', language: 'de' }, context)).toMatch(
      /^Translate it into German \(de\)/,
    );
  });

  it('builds a full prompt with the voice and the quoted draft', () => {
    const prompt = buildRewritePrompt({ action: 'translate', language: 'fr' }, context);
    expect(prompt.system).toContain('Tone: warm');
    expect(prompt.system).not.toContain('Write in English');
    expect(prompt.user).toContain(`"""\n${text}\n"""`);
    expect(buildRewritePrompt({ action: 'more_casual' }, context).system).toContain('Write in English (en).');
  });
});
