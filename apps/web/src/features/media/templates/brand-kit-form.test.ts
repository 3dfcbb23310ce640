import { describe, expect, it } from 'vitest';
import { updateBrandKitBody } from '@plume/contract/media/brand-kit-schemas';
import { colorProblems, normalizeHex, toBrandKitBody } from './brand-kit-form.ts';

const colors = { primary: '#1F6FEB', secondary: 'abc', accent: '#ff8800', background: '#fff', text: '#111111' };

describe('brand-kit-form', () => {
  it('reads hex colours the way people type them', () => {
    expect(normalizeHex('F80')).toBe('#ff8800');
    expect(normalizeHex(' #1F6FEB ')).toBe('#1f6feb');
    expect(normalizeHex('#12345')).toBeUndefined();
    expect(normalizeHex('red')).toBeUndefined();
  });

  it('names each colour that is not one yet', () => {
    expect(colorProblems(colors)).toEqual({});
    expect(Object.keys(colorProblems({ ...colors, accent: '#ff88' }))).toEqual(['accent']);
  });

  it('sends a body the API accepts', () => {
    const body = toBrandKitBody({ logoMediaId: null, colors, headingFont: 'Inter', bodyFont: 'Inter', layout: 'left' });
    expect(body.colors).toEqual({
      primary: '#1f6feb',
      secondary: '#aabbcc',
      accent: '#ff8800',
      background: '#ffffff',
      text: '#111111',
    });
    expect(updateBrandKitBody.safeParse(body).success).toBe(true);
  });
});
