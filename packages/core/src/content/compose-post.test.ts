import { describe, expect, it } from 'vitest';
import { composePost, findInlineHashtags } from './compose-post.ts';

describe('composePost', () => {
  it('appends hashtags on their own line, skipping those already in the text', () => {
    expect(composePost('Cold brew #Coffee tips. ', ['coffee', '#ColdBrew'])).toBe('Cold brew #Coffee tips.\n\n#ColdBrew');
    expect(composePost('Plain', [])).toBe('Plain');
    expect(composePost('', ['solo'])).toBe('#solo');
  });

  it('finds inline hashtags but not URL fragments or HTML entities', () => {
    expect(findInlineHashtags('A #tag, https://x.example/#anchor and &#39; #Été_2026')).toEqual(['tag', 'Été_2026']);
  });
});
