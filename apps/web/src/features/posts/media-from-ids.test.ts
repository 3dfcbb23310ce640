import { describe, expect, it } from 'vitest';
import { attachedFromMedia, mediaIdsOf } from './media-from-ids.ts';

const a = '0b6f5a3e-0000-4000-8000-000000000001';
const b = '0b6f5a3e-0000-4000-8000-000000000002';

describe('media-from-ids', () => {
  it('reads ?media= as ids in order, each once, dropping what is not an id', () => {
    expect(mediaIdsOf(`${a}, ${b},${a},nope,`)).toEqual([a, b]);
    expect(mediaIdsOf(undefined)).toEqual([]);
    expect(mediaIdsOf(42)).toEqual([]);
  });

  it('attaches a library item as uploaded, shown from its file route', () => {
    const item = attachedFromMedia('ws 1', {
      id: a,
      kind: 'image',
      mimeType: 'image/png',
      bytes: 1000,
      width: 1080,
      height: 1350,
      durationSec: null,
      fileName: 'quote.png',
      altText: null,
      aiGenerated: false,
      createdAt: '2030-01-01T00:00:00.000Z',
    });
    expect(item).toMatchObject({ status: 'uploaded', mediaId: a, altText: '', kind: 'image' });
    expect(item.url).toBe(`/api/v1/workspaces/ws%201/media/${a}/file`);
    expect(item.facts).toMatchObject({ name: 'quote.png', width: 1080, height: 1350 });
  });
});
