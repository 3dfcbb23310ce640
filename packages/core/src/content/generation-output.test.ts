import { describe, expect, it } from 'vitest';
import { extractJsonObject } from './extract-json.ts';
import { parseGenerationOutput } from './generation-output.ts';

const answer = {
  variants: [
    {
      perNetwork: {
        x: { text: 'Cold brew in 3 steps', hashtags: ['#coffee', 'ColdBrew'] },
        linkedin: { text: 'Long form', cta: 'Book a call' },
      },
    },
  ],
};
const expected = { networks: ['x', 'linkedin'] as const, variants: 1 };

describe('extractJsonObject', () => {
  it('reads fenced JSON, prose-wrapped JSON and braces inside strings', () => {
    expect(extractJsonObject('Here you go:\n```json\n{"a": 1}\n```\nEnjoy!')).toEqual({ ok: true, value: { a: 1 } });
    expect(extractJsonObject('Sure. {"a": "x } y", "b": {"c": 2}} Hope it helps {not json}')).toEqual({
      ok: true,
      value: { a: 'x } y', b: { c: 2 } },
    });
    expect(extractJsonObject('no object here').ok).toBe(false);
    expect(extractJsonObject('{broken: json}')).toEqual({ ok: false, message: 'The reply holds no valid JSON object' });
  });

  it('skips an invalid fenced block for a valid object later in the text', () => {
    expect(extractJsonObject('```\nnot json\n```\n{"a": 2}')).toEqual({ ok: true, value: { a: 2 } });
  });
});

describe('parseGenerationOutput', () => {
  it('parses a fenced answer and normalises hashtags', () => {
    const result = parseGenerationOutput('```json\n' + JSON.stringify(answer) + '\n```', expected);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.output.variants[0]!.perNetwork.x!.hashtags).toEqual(['coffee', 'ColdBrew']);
      expect(result.output.variants[0]!.perNetwork.linkedin!.hashtags).toEqual([]);
    }
  });

  it('parses JSON wrapped in prose', () => {
    expect(parseGenerationOutput(`Here are your posts: ${JSON.stringify(answer)} Let me know!`, expected).ok).toBe(
      true,
    );
  });

  it('returns issues with paths for a wrong shape', () => {
    const reply = JSON.stringify({
      variants: [{ perNetwork: { x: { text: '', hashtags: ['two words'] }, myspace: { text: 'hi' } } }],
    });
    const result = parseGenerationOutput(reply, expected);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.path);
    expect(paths).toContain('variants.0.perNetwork.x.text');
    expect(paths).toContain('variants.0.perNetwork.x.hashtags.0');
    expect(paths.some((path) => path.startsWith('variants.0.perNetwork'))).toBe(true);
  });

  it('reports missing networks and a wrong number of variants', () => {
    const reply = JSON.stringify({ variants: [{ perNetwork: { x: { text: 'hi' } } }] });
    const result = parseGenerationOutput(reply, { networks: ['x', 'linkedin'], variants: 2 });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'variants', message: 'Expected 2 variant(s), got 1' },
        { path: 'variants.0.perNetwork.linkedin', message: 'Missing the post for linkedin' },
      ],
    });
  });

  it('says so when the reply has no JSON at all', () => {
    expect(parseGenerationOutput('I cannot help with that.', expected)).toEqual({
      ok: false,
      issues: [{ path: '', message: 'The reply holds no JSON object' }],
    });
  });
});
