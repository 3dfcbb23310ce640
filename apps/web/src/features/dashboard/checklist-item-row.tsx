import { AppLink } from '../../components/app-link.tsx';
import type { ChecklistItem } from '@plume/contract/workspaces/workspace-schemas';

function CheckMark({ isDone }: { isDone: boolean }) {
  return isDone ? (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 text-success">
      <circle cx="10" cy="10" r="9" fill="currentColor" />
      <path d="m6 10.5 2.5 2.5L14 7.5" fill="none" stroke="white" strokeWidth="2" strokeLinecap="round" />
    </svg>
  ) : (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 text-line-strong">
      <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/** One checklist step: its state (said in words for screen readers) and a link to do it. */
export function ChecklistItemRow({ item }: { item: ChecklistItem }) {
  return (
    <li className="flex items-center gap-3 py-3">
      <CheckMark isDone={item.done} />
      <span className="sr-only">{item.done ? 'Done:' : 'To do:'}</span>
      <AppLink
        href={item.href}
        className={`text-sm font-medium underline-offset-4 hover:underline ${item.done ? 'text-muted line-through' : 'text-ink'}`}
      >
        {item.title}
      </AppLink>
    </li>
  );
}
