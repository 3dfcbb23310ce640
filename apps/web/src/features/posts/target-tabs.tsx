import { useId, useState, type KeyboardEvent } from 'react';
import type { Account } from '@plume/contract/accounts/account-schemas';
import type { Network } from '@plume/contract/networks/network-schemas';
import { useCountForNetwork } from '../networks/count-for-network.ts';
import { PostPreview, type PreviewMedia } from './post-preview.tsx';

interface TargetTabsProps {
  accounts: Account[];
  networks: Network[];
  /** The text each target publishes (body and hashtags). */
  text: string;
  thread: string[];
  media: PreviewMedia[];
  /** Problems per account id: server field errors and local media checks. */
  problemsFor: (account: Account, index: number) => string[];
}

/** A counter in the network's own counting: `312 / 500`, red with the overshoot when over. */
function Counter({ label, text, network }: { label: string; text: string; network: Network | undefined }) {
  const count = useCountForNetwork()(text, network);
  const limit = network?.text.limit;
  const over = limit !== undefined && count > limit;
  return (
    <p className={`text-sm ${over ? 'font-medium text-danger' : 'text-muted'}`} data-testid="counter">
      {label}: {limit === undefined ? `${count} characters` : `${count} / ${limit}`}
      {over ? ` — ${count - limit} over the ${network?.name ?? ''} limit` : ''}
    </p>
  );
}

/** One tab per chosen account: a preview styled like the network and its live counters. */
export function TargetTabs({ accounts, networks, text, thread, media, problemsFor }: TargetTabsProps) {
  const baseId = useId();
  const [selected, setSelected] = useState(0);
  const countFor = useCountForNetwork();
  const isOver = (part: string, on: Network | undefined) => on !== undefined && countFor(part, on) > on.text.limit;
  const index = Math.min(selected, accounts.length - 1);
  const current = accounts[index];
  if (!current) return null;
  const networkOf = (account: Account) => networks.find((n) => n.id === account.network);
  const network = networkOf(current);
  const problems = problemsFor(current, index);

  function handleKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = (index + (event.key === 'ArrowRight' ? 1 : accounts.length - 1)) % accounts.length;
    setSelected(next);
    document.getElementById(`${baseId}-tab-${next}`)?.focus();
  }

  return (
    <div>
      <div role="tablist" aria-label="Preview per account" className="flex flex-wrap gap-1 border-b border-line">
        {accounts.map((account, i) => {
          const n = networkOf(account);
          const hasProblem = [text, ...thread].some((part) => isOver(part, n)) || problemsFor(account, i).length > 0;
          return (
            <button
              key={account.id}
              id={`${baseId}-tab-${i}`}
              type="button"
              role="tab"
              aria-selected={i === index}
              aria-controls={`${baseId}-panel`}
              tabIndex={i === index ? 0 : -1}
              onClick={() => setSelected(i)}
              onKeyDown={handleKey}
              className="-mb-px rounded-t-md border border-transparent px-3 py-1.5 text-sm text-muted aria-selected:border-line aria-selected:border-b-surface aria-selected:bg-surface aria-selected:text-ink"
            >
              {n?.name ?? account.network} · {account.handle}
              {hasProblem ? (
                <span className="ml-1 text-danger">
                  <span aria-hidden="true">!</span>
                  <span className="sr-only"> (has problems)</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <div id={`${baseId}-panel`} role="tabpanel" aria-labelledby={`${baseId}-tab-${index}`} className="space-y-2 pt-3">
        <PostPreview
          networkId={current.network}
          networkName={network?.name ?? current.network}
          account={current}
          text={text}
          thread={network?.thread.supported === false ? [] : thread}
          media={media}
        />
        <div aria-live="polite">
          <Counter label={thread.length > 0 ? 'Part 1' : 'Characters'} text={text} network={network} />
          {thread.map((part, i) => (
            <Counter key={i} label={`Part ${i + 2}`} text={part} network={network} />
          ))}
        </div>
        {network && thread.length > 0 && !network.thread.supported ? (
          <p className="text-sm text-warning">{network.name} has no threads: only the first part is published there.</p>
        ) : null}
        {problems.map((message) => (
          <p key={message} className="text-sm text-danger">
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}
