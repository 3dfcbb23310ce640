import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { settleHeap } from './settle-heap.ts';

const youngGenerationBytes = () =>
  v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? Number.NaN;

describe('settleHeap', () => {
  it('shrinks a young generation that start-up-like allocation grew', () => {
    // Objects that survive collection after collection, as modules do while they load, make V8 grow it.
    const kept: object[][] = [];
    for (let round = 0; round < 400 && youngGenerationBytes() < 32 * 2 ** 20; round += 1) {
      kept.push(Array.from({ length: 20_000 }, (_, i) => ({ round, i, text: `value ${i}` })));
    }
    const grown = youngGenerationBytes();
    expect(grown).toBeGreaterThanOrEqual(32 * 2 ** 20);
    kept.length = 0;

    settleHeap();

    expect(youngGenerationBytes()).toBeLessThanOrEqual(grown / 8);
    expect('gc' in globalThis).toBe(false);
  });
});
