import type { VaultItem } from '@plume/contract/media/vault-schemas';
import { TableCaption } from '../../components/table-caption.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { formatTime } from '../../lib/format-time.ts';
import { formatBytes } from './vault-query.ts';
import { ApprovalBadge, sourceLabel, VaultThumb } from './vault-thumb.tsx';

interface VaultGridProps {
  items: readonly VaultItem[];
  view: 'grid' | 'list';
  selected: ReadonlySet<string>;
  timeZone: string;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
}

function SelectBox({ item, selected, onToggle }: { item: VaultItem; selected: boolean; onToggle: () => void }) {
  return (
    <input
      type="checkbox"
      aria-label={`Select ${item.fileName}`}
      checked={selected}
      onChange={onToggle}
      className="size-4"
    />
  );
}

/** The items as tiles (grid) or rows (list), each selectable and opening its preview. */
export function VaultGrid({ items, view, selected, timeZone, onToggle, onOpen }: VaultGridProps) {
  if (view === 'list')
    return (
      <TableScroller>
        <table className="w-full min-w-[44rem] text-left text-sm text-muted">
          <TableCaption title="Media" timeZone={timeZone} />
          <TableHead columns={['', 'File', 'Type', 'Source', 'Size', 'Used in', 'Added']} />
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-t border-line">
                <td className="py-2 pr-2">
                  <SelectBox item={item} selected={selected.has(item.id)} onToggle={() => onToggle(item.id)} />
                </td>
                <td className="py-2 pr-3">
                  <button
                    type="button"
                    className="flex items-center gap-2 text-left text-ink hover:underline"
                    onClick={() => onOpen(item.id)}
                  >
                    <span className="size-8 shrink-0 overflow-hidden rounded">
                      <VaultThumb item={item} />
                    </span>
                    <span className="truncate">{item.fileName}</span>
                  </button>
                  <ApprovalBadge item={item} />
                </td>
                <td className="py-2 pr-3">{item.kind}</td>
                <td className="py-2 pr-3">{sourceLabel[item.source]}</td>
                <td className="py-2 pr-3">{formatBytes(item.bytes)}</td>
                <td className="py-2 pr-3">{item.usedIn === 1 ? '1 post' : `${item.usedIn} posts`}</td>
                <td className="py-2">{formatTime(item.createdAt, timeZone, { withZone: false })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    );
  return (
    <ul aria-label="Media" className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4">
      {items.map((item) => (
        <li
          key={item.id}
          className={`overflow-hidden rounded-md border ${selected.has(item.id) ? 'border-accent' : 'border-line'} bg-surface`}
        >
          <button
            type="button"
            className="block aspect-square w-full"
            onClick={() => onOpen(item.id)}
            aria-label={`Preview ${item.fileName}`}
          >
            <VaultThumb item={item} />
          </button>
          <div className="flex items-start gap-2 p-2">
            <SelectBox item={item} selected={selected.has(item.id)} onToggle={() => onToggle(item.id)} />
            <div className="min-w-0 flex-1 space-y-1">
              <p className="truncate text-xs text-ink" title={item.fileName}>
                {item.fileName}
              </p>
              <p className="flex flex-wrap gap-1 text-xs text-muted">
                <span>{sourceLabel[item.source]}</span>
                <ApprovalBadge item={item} />
                {item.usedIn > 0 ? <span>· in {item.usedIn === 1 ? '1 post' : `${item.usedIn} posts`}</span> : null}
              </p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
