import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from './inbox-shortcuts.ts';

type Handlers = Partial<Record<ShortcutAction, () => void>>;

/**
 * Runs the handler of each shortcut pressed on the page (inbox-shortcuts.ts says which keys, and that
 * typing in a field never triggers one). Paused while a dialog is open over the page.
 */
export function useInboxShortcuts(handlers: Handlers): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    function handleKey(event: KeyboardEvent) {
      if (event.defaultPrevented || document.querySelector('[aria-modal="true"]')) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const action = shortcutFor(event, target);
      const handler = action === null ? undefined : current.current[action];
      if (handler === undefined) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener('keydown', handleKey);
    return () => document.removeEventListener('keydown', handleKey);
  }, []);
}
