import { describe, expect, it } from 'vitest';
import { isTypingTarget, neighbourId, shortcutFor } from './inbox-shortcuts.ts';

const press = (key: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('inbox shortcuts', () => {
  it('maps the keys to actions', () => {
    const body = { tagName: 'BODY' };
    expect(['j', 'k', 'e', 'r', 'a', 's', '?'].map((key) => shortcutFor(press(key), body))).toEqual([
      'next',
      'previous',
      'done',
      'reply',
      'assignToMe',
      'snooze',
      'help',
    ]);
    expect(shortcutFor(press('x'), body)).toBeNull();
  });

  it('does not fire while typing in a field, nor with a modifier held', () => {
    expect(shortcutFor(press('e'), { tagName: 'TEXTAREA' })).toBeNull();
    expect(shortcutFor(press('e'), { tagName: 'INPUT', type: 'text' })).toBeNull();
    expect(shortcutFor(press('e'), { tagName: 'SELECT' })).toBeNull();
    expect(shortcutFor(press('e'), { tagName: 'DIV', isContentEditable: true })).toBeNull();
    expect(shortcutFor(press('r', { ctrlKey: true }), { tagName: 'BODY' })).toBeNull();
    expect(shortcutFor(press('j', { metaKey: true }), { tagName: 'BODY' })).toBeNull();
  });

  it('still fires on buttons and checkboxes, which take no text', () => {
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(shortcutFor(press('j'), { tagName: 'BUTTON' })).toBe('next');
  });

  it('moves through the list and stays at its ends', () => {
    const ids = ['a', 'b', 'c'];
    expect(neighbourId(ids, undefined, 1)).toBe('a');
    expect(neighbourId(ids, 'a', 1)).toBe('b');
    expect(neighbourId(ids, 'c', 1)).toBe('c');
    expect(neighbourId(ids, 'a', -1)).toBe('a');
    expect(neighbourId(ids, 'gone', -1)).toBe('a');
    expect(neighbourId([], 'a', 1)).toBeUndefined();
  });
});
