import { describe, expect, it } from 'vitest';
import { decodeCsvFile } from './history-import-query.ts';

describe('decodeCsvFile', () => {
  it('reads UTF-8 (dropping a BOM) and falls back to Latin-1 without losing a character', () => {
    const utf8 = new TextEncoder().encode('\uFEFFtext\nCafé');
    expect(decodeCsvFile(utf8.buffer)).toBe('text\nCafé');
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9]); // "Café" in Latin-1: not valid UTF-8
    expect(decodeCsvFile(latin1.buffer)).toBe('Café');
  });
});
