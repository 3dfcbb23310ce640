import { describe, expect, it } from 'vitest';
import { isPlaceholderName, placeholdersIn, toTemplateBody } from './template-text.ts';

describe('template text', () => {
  it('finds placeholders in order of first use, typos included', () => {
    expect(placeholdersIn('About {{topic}} for {{ audience }}.\n{{topic}} and {{topc}}')).toEqual([
      'topic',
      'audience',
      'topc',
    ]);
    expect(placeholdersIn('No placeholders { here }')).toEqual([]);
  });

  it('knows Plume’s placeholders', () => {
    expect(isPlaceholderName('key_points')).toBe(true);
    expect(isPlaceholderName('topc')).toBe(false);
  });

  it('trims what it sends', () => {
    expect(
      toTemplateBody({
        name: ' Review ',
        description: ' Honest ',
        skeleton: '\nReview {{product}}\n',
        required: ['product'],
      }),
    ).toEqual({ name: 'Review', description: 'Honest', skeleton: 'Review {{product}}', required: ['product'] });
  });
});
