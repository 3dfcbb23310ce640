import { useEffect, useRef, useState } from 'react';
import type { InboxStats } from '@plume/contract/inbox/inbox-schemas';
import type { Member } from '@plume/contract/workspaces/workspace-schemas';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { hasNarrowingFilters, withRawFilter, type InboxFilters } from './inbox-filters.ts';
import { intentLabels, kindLabels, optionsOf, priorityLabels, sentimentLabels, statusLabels } from './inbox-labels.ts';

interface FilterBarProps {
  filters: InboxFilters;
  stats: InboxStats | undefined;
  members: readonly Member[];
  networkName: (id: string) => string;
  onChange: (filters: InboxFilters) => void;
}

const statusOptions = [...optionsOf(statusLabels, 'Any status').slice(1), { value: 'all', label: 'Any status' }];

/** The search waits for a pause in typing before it changes the URL and asks the server. */
function useSettledText(value: string, onSettled: (text: string) => void) {
  const [text, setText] = useState(value);
  const settle = useRef(onSettled);
  settle.current = onSettled;
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => settle.current(text.trim()), 350);
    return () => clearTimeout(timer);
  }, [text, value]);
  return [text, setText] as const;
}

/** The list's filters; every change goes to the URL. */
export function InboxFilterBar({ filters, stats, members, networkName, onChange }: FilterBarProps) {
  const set = (key: keyof InboxFilters, raw: string) => onChange(withRawFilter(filters, key, raw));
  const [search, setSearch] = useSettledText(filters.q ?? '', (text) => set('q', text));
  const accounts = stats?.accounts ?? [];
  const networks = [...new Set(accounts.map((account) => account.network))];
  return (
    <form role="search" aria-label="Filter conversations" onSubmit={(e) => e.preventDefault()}>
      <div className="grid items-end gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <TextField
          label="Search"
          type="search"
          value={search}
          placeholder="Contact or words"
          onChange={(e) => setSearch(e.target.value)}
          className="lg:col-span-2"
        />
        <SelectField
          label="Status"
          options={statusOptions}
          value={filters.status}
          onChange={(e) => set('status', e.target.value)}
        />
        <SelectField
          label="Network"
          options={[
            { value: '', label: 'All networks' },
            ...networks.map((id) => ({ value: id, label: networkName(id) })),
          ]}
          value={filters.network ?? ''}
          onChange={(e) => set('network', e.target.value)}
        />
        <SelectField
          label="Account"
          options={[
            { value: '', label: 'All accounts' },
            ...accounts.map((a) => ({ value: a.accountId, label: `${a.handle} (${networkName(a.network)})` })),
          ]}
          value={filters.accountId ?? ''}
          onChange={(e) => set('accountId', e.target.value)}
        />
        <SelectField
          label="Kind"
          options={optionsOf(kindLabels, 'Any kind')}
          value={filters.kind ?? ''}
          onChange={(e) => set('kind', e.target.value)}
        />
        <SelectField
          label="Sentiment"
          options={optionsOf(sentimentLabels, 'Any sentiment')}
          value={filters.sentiment ?? ''}
          onChange={(e) => set('sentiment', e.target.value)}
        />
        <SelectField
          label="Intent"
          options={optionsOf(intentLabels, 'Any intent')}
          value={filters.intent ?? ''}
          onChange={(e) => set('intent', e.target.value)}
        />
        <SelectField
          label="Priority"
          options={optionsOf(priorityLabels, 'Any priority')}
          value={filters.priority ?? ''}
          onChange={(e) => set('priority', e.target.value)}
        />
        <SelectField
          label="Assignee"
          options={[
            { value: '', label: 'Anyone' },
            { value: 'me', label: 'Me' },
            { value: 'none', label: 'Unassigned' },
            ...members.map((member) => ({ value: member.userId, label: member.name })),
          ]}
          value={filters.assignee ?? ''}
          onChange={(e) => set('assignee', e.target.value)}
        />
        <SelectField
          label="Tag"
          options={[{ value: '', label: 'Any tag' }, ...(stats?.tags ?? []).map((tag) => ({ value: tag, label: tag }))]}
          value={filters.tag ?? ''}
          onChange={(e) => set('tag', e.target.value)}
        />
        <div className="flex flex-wrap items-center justify-between gap-2 pb-2">
          <CheckboxField
            label="Unread only"
            checked={filters.unread === true}
            onChange={(e) => set('unread', e.target.checked ? 'true' : '')}
          />
          {hasNarrowingFilters(filters) ? (
            <Button variant="ghost" className="px-2 py-1" onClick={() => onChange({ status: 'open' })}>
              Clear filters
            </Button>
          ) : null}
        </div>
      </div>
    </form>
  );
}
