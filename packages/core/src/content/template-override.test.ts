import { describe, expect, it } from 'vitest';
import { templateOverrideSchema } from '@plume/contract/content/content-schemas';
import { mergeTemplate } from './template-override.ts';
import { BUILT_IN_TEMPLATES } from './templates.ts';

describe('mergeTemplate', () => {
  it('replaces only the fields the override gives', () => {
    const result = mergeTemplate(BUILT_IN_TEMPLATES.review, { contentType: 'review', name: 'Honest take' });
    expect(result).toEqual({ ok: true, template: { ...BUILT_IN_TEMPLATES.review, name: 'Honest take' } });
  });

  it('refuses a skeleton with a typo and a required placeholder it does not use', () => {
    const override = templateOverrideSchema.parse({
      contentType: 'tutorial',
      skeleton: 'How to {{topc}}',
      required: ['topic'],
    });
    const result = mergeTemplate(BUILT_IN_TEMPLATES.tutorial, override);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((error) => error.code)).toEqual(['unknown_placeholder', 'required_not_used']);
  });

  it('rejects overrides for unknown content types or placeholders', () => {
    expect(templateOverrideSchema.safeParse({ contentType: 'meme' }).success).toBe(false);
    expect(templateOverrideSchema.safeParse({ contentType: 'review', required: ['price'] }).success).toBe(false);
  });
});
