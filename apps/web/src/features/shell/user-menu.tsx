import { useEffect, useId, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { Me } from '@plume/contract/me/me-schemas';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { useSignOut } from './use-sign-out.ts';

const itemClasses = 'block w-full rounded px-3 py-2 text-left text-sm text-ink hover:bg-subtle';

/** The account button in the header; opens Profile and Sign out. Escape or a click outside closes it. */
export function UserMenu({ me }: { me: Me }) {
  const [isOpen, setIsOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const signOut = useSignOut();

  useEffect(() => {
    if (!isOpen) return;
    function handleKey(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      buttonRef.current?.focus();
    }
    function handlePointer(event: PointerEvent) {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setIsOpen(false);
    }
    document.addEventListener('keydown', handleKey);
    document.addEventListener('pointerdown', handlePointer);
    return () => {
      document.removeEventListener('keydown', handleKey);
      document.removeEventListener('pointerdown', handlePointer);
    };
  }, [isOpen]);

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={menuId}
        onClick={() => setIsOpen(!isOpen)}
        className="flex items-center gap-2 rounded-full p-0.5 pr-2 text-sm font-medium text-ink hover:bg-subtle"
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-accent-soft font-semibold text-accent"
        >
          {(me.name || me.email).charAt(0).toUpperCase()}
        </span>
        <span className="sr-only">Account menu for </span>
        <span className="hidden max-w-[10rem] truncate sm:inline">{me.name}</span>
        <span className="sr-only sm:hidden">{me.name}</span>
      </button>
      <div
        id={menuId}
        hidden={!isOpen}
        className="absolute right-0 z-20 mt-2 w-56 rounded-lg border border-line bg-surface p-1 shadow-lg"
      >
        <p className="truncate px-3 py-2 text-xs text-muted">{me.email}</p>
        <Link to="/profile" className={itemClasses} onClick={() => setIsOpen(false)}>
          Profile
        </Link>
        <button type="button" className={itemClasses} onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
        {signOut.isError ? (
          <p role="alert" className="px-3 py-2 text-xs text-danger">
            {errorMessageOf(signOut.error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
