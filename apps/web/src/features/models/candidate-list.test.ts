import { describe, expect, it } from 'vitest';
import { moveItem, replaceItem } from './candidate-list.ts';

describe('candidate-list', () => {
  it('moves an item up or down', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the list as it is at the ends', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('replaces one item', () => {
    expect(replaceItem(['a', 'b'], 1, 'z')).toEqual(['a', 'z']);
  });
});
