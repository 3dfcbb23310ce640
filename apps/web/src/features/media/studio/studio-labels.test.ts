import { describe, expect, it } from 'vitest';
import { IMAGE_STYLES, VIDEO_STYLES } from '@plume/contract/media/media-enums';
import { formatCostMicros, imageStyleOptions, shapeLabel, styleLabel, videoStyleOptions } from './studio-labels.ts';

describe('studio labels', () => {
  it('names all eight image and eight video styles in words', () => {
    expect(imageStyleOptions.map((option) => option.value)).toEqual([...IMAGE_STYLES]);
    expect(videoStyleOptions.map((option) => option.value)).toEqual([...VIDEO_STYLES]);
    expect(styleLabel('product_demo')).toBe('Product demo');
    expect(styleLabel('watercolor')).toBe('Watercolor');
    expect(styleLabel('something_new')).toBe('something_new');
  });

  it('labels a shape with its use and size', () => {
    expect(shapeLabel('9:16')).toBe('9:16 · Vertical (Stories, Reels, Shorts, TikTok) · 1080×1920');
  });

  it('shows a cost in dollars, and local work as free', () => {
    expect(formatCostMicros(40_000)).toBe('$0.04');
    expect(formatCostMicros(1_500)).toBe('$0.0015');
    expect(formatCostMicros(0)).toBe('Free (local)');
    expect(formatCostMicros(null)).toBe('—');
  });
});
