import { InboxDialog } from './inbox-dialog.tsx';
import { SHORTCUTS } from './inbox-shortcuts.ts';

/** The list of keyboard shortcuts (opened with ?). */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <InboxDialog
      title="Keyboard shortcuts"
      description="They work anywhere on the inbox page except while you type in a field."
      onClose={onClose}
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.key} className="contents">
            <dt>
              <kbd className="rounded border border-line-strong bg-subtle px-2 py-0.5 font-mono text-xs">
                {shortcut.key}
              </kbd>
            </dt>
            <dd className="text-ink">{shortcut.label}</dd>
          </div>
        ))}
      </dl>
    </InboxDialog>
  );
}
