import { describe, expect, it } from 'vitest';
import { resolveTargetContent } from './resolve-target-content.ts';

const content = { text: 'Fresh beans today #Coffee', mediaIds: [], thread: [], hashtags: ['coffee', 'beans'] };

describe('resolveTargetContent', () => {
  it('does not append a hashtag the text already holds, whatever its letter case', () => {
    expect(resolveTargetContent(content, {}).text).toBe('Fresh beans today #Coffee\n\n#beans');
  });

  it("uses the target's own text and hashtags when it has them", () => {
    expect(resolveTargetContent(content, { text: 'Short #beans', hashtags: ['#Beans', 'roast'] }).text).toBe(
      'Short #beans\n\n#roast',
    );
  });

  it('keeps the normalized hashtags for networks that take them apart', () => {
    expect(resolveTargetContent(content, {}).hashtags).toEqual(['#coffee', '#beans']);
  });
});
