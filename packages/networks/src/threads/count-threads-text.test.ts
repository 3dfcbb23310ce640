import { describe, expect, it } from 'vitest';
import { threadsProvider } from './provider.ts';
import { countThreadsText } from './count-threads-text.ts';

describe('countThreadsText', () => {
  it('counts characters as 1 and emojis as their UTF-8 bytes', () => {
    expect(countThreadsText('hello')).toBe(5);
    expect(countThreadsText('héllo 日本')).toBe(8);
    expect(countThreadsText('👋')).toBe(4);
    expect(countThreadsText('👍🏽')).toBe(8);
    expect(countThreadsText('👨‍👩‍👧‍👦')).toBe(25);
    expect(countThreadsText('🇫🇷')).toBe(8);
    expect(countThreadsText('#️⃣')).toBe(7);
  });

  it('is what validate() checks the 500 limit with', () => {
    const request = (text: string) => ({ parts: [{ text, media: [] }] as const, settings: {}, idempotencyKey: 'k' });
    expect(threadsProvider.validate?.(request('a'.repeat(496) + '👋'))).toEqual([]);
    expect(threadsProvider.validate?.(request('a'.repeat(497) + '👋'))).toEqual([
      {
        path: 'parts.0.text',
        message: 'Threads allows 500 characters, where an emoji counts as several; this text counts 501.',
      },
    ]);
  });
});
