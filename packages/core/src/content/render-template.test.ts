import { describe, expect, it } from 'vitest';
import { checkSkeleton, renderTemplate } from './render-template.ts';
import { CONTENT_TYPES } from '@plume/contract/content/content-enums';
import { BUILT_IN_TEMPLATES, type ContentTemplate } from './templates.ts';

describe('renderTemplate', () => {
  it('fills placeholders and drops lines whose optional value is missing', () => {
    const result = renderTemplate(BUILT_IN_TEMPLATES.educational, { topic: ' cold brew ', audience: 'home baristas' });
    expect(result).toEqual({
      ok: true,
      text:
        'Write an educational post about cold brew that gives real value before anything else.\n' +
        'One clear takeaway the reader can use today.\nAudience: home baristas',
    });
  });

  it('reports every missing required value as a typed error', () => {
    const result = renderTemplate(BUILT_IN_TEMPLATES.comparison, { product: 'Plume', competitor: '   ' });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: 'missing_value',
          placeholder: 'competitor',
          message: 'The Comparison template needs a value for {{competitor}}',
        },
      ],
    });
  });

  it('reports unknown and malformed placeholders instead of leaving them in the text', () => {
    const template: ContentTemplate = {
      ...BUILT_IN_TEMPLATES.review,
      skeleton: 'Review {{product}} for {{ reader }}. Also {{cta}.',
    };
    const result = renderTemplate(template, { product: 'X', cta: 'Buy' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.code)).toEqual(['unknown_placeholder', 'malformed_placeholder']);
    expect(result.errors[0]).toMatchObject({ placeholder: 'reader' });
  });

  it('every built-in template is well formed and renders with its required values', () => {
    for (const type of CONTENT_TYPES) {
      const template = BUILT_IN_TEMPLATES[type];
      expect(template.contentType).toBe(type);
      expect(checkSkeleton(template.skeleton)).toEqual([]);
      const values = Object.fromEntries(template.required.map((name) => [name, `<${name}>`]));
      const result = renderTemplate(template, values);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.text).not.toMatch(/\{\{|\}\}/);
    }
  });
});
