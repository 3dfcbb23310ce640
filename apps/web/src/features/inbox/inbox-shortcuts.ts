/**
 * The inbox's keyboard shortcuts. They never fire while a person types in a field, nor with a modifier
 * held (so the browser's own shortcuts keep working).
 */

export type ShortcutAction = 'next' | 'previous' | 'done' | 'reply' | 'assignToMe' | 'snooze' | 'help';

/** The keys, in the order the help lists them. */
export const SHORTCUTS: readonly { key: string; action: ShortcutAction; label: string }[] = [
  { key: 'j', action: 'next', label: 'Next conversation' },
  { key: 'k', action: 'previous', label: 'Previous conversation' },
  { key: 'e', action: 'done', label: 'Mark done' },
  { key: 'r', action: 'reply', label: 'Reply' },
  { key: 'a', action: 'assignToMe', label: 'Assign to me' },
  { key: 's', action: 'snooze', label: 'Snooze' },
  { key: '?', action: 'help', label: 'Show these shortcuts' },
];

/** The part of a keydown event the shortcuts read. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat?: boolean;
}

/** The part of an event target that says whether a person is typing there. */
export interface KeyTarget {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const typingInputTypes = new Set([
  '',
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'time',
]);

/** True when keys typed at `target` are text (inputs, text areas, selects, editable content). */
export function isTypingTarget(target: KeyTarget | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && typingInputTypes.has((target.type ?? '').toLowerCase());
}

/**
 * The action a key press asks for, or null.
 * @example shortcutFor({ key: 'j', ctrlKey: false, metaKey: false, altKey: false }, document.body) // 'next'
 */
export function shortcutFor(press: KeyPress, target: KeyTarget | null | undefined): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || isTypingTarget(target)) return null;
  return SHORTCUTS.find((shortcut) => shortcut.key === press.key)?.action ?? null;
}

/**
 * The conversation `step` places from `currentId` in `ids` (the list's order), staying at the ends;
 * the first one when nothing is open yet.
 * @example neighbourId(['a', 'b', 'c'], 'b', 1) // 'c'
 */
export function neighbourId(ids: readonly string[], currentId: string | undefined, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined;
  const index = currentId === undefined ? -1 : ids.indexOf(currentId);
  if (index < 0) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))];
}
