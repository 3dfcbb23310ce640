import type { InboxStats } from '@plume/contract/inbox/inbox-schemas';
import { TableCaption } from '../../components/table-caption.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { formatTime } from '../../lib/format-time.ts';
import { NetworkMark } from './inbox-chips.tsx';
import { formatMinutes } from './inbox-time.ts';

interface FiguresProps {
  stats: InboxStats;
  timeZone: string;
  networkName: (id: string) => string;
}

/** A bar as wide as `value` is of `max`, with the number beside it (the bar is decoration). */
function Bar({ value, max }: { value: number; max: number }) {
  const width = max === 0 ? 0 : Math.max(value > 0 ? 4 : 0, Math.round((value / max) * 100));
  return (
    <span className="flex items-center gap-2">
      <span aria-hidden="true" className="h-2 w-24 overflow-hidden rounded-full bg-subtle">
        <span className="block h-full rounded-full bg-accent" style={{ width: `${width}%` }} />
      </span>
      <span className="tabular-nums text-ink">{value}</span>
    </span>
  );
}

/** Per account: what is open and unread, how fast the team answers, and when Plume last read it. */
export function InboxFigures({ stats, timeZone, networkName }: FiguresProps) {
  const maxOpen = Math.max(0, ...stats.accounts.map((account) => account.open));
  return (
    <TableScroller>
      <table className="w-full min-w-[40rem] text-left text-sm text-muted">
        <TableCaption title="Inbox figures per account" timeZone={timeZone} />
        <TableHead columns={['Account', 'Open', 'Unread', 'Median response (30 days)', 'Last read']} />
        <tbody className="divide-y divide-line">
          {stats.accounts.map((account) => (
            <tr key={account.accountId} className="align-top">
              <td className="py-2 pr-4">
                <span className="flex items-center gap-2 text-ink">
                  <NetworkMark network={account.network} name={networkName(account.network)} />
                  {account.handle}
                </span>
              </td>
              <td className="py-2 pr-4">
                <Bar value={account.open} max={maxOpen} />
              </td>
              <td className="py-2 pr-4 tabular-nums">{account.unread}</td>
              <td className="py-2 pr-4">
                {formatMinutes(account.medianResponseMinutes)}
                <span className="block text-xs">{account.answered} answered</span>
              </td>
              <td className="py-2 pr-4">
                {account.lastReadAt ? formatTime(account.lastReadAt, timeZone, { withZone: false }) : 'Not read yet'}
                {account.lastError ? (
                  <span className="block text-xs text-danger">The last read failed: {account.lastError}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
