import { useEffect, useState } from 'react';
import { MEDIA_APPROVALS, MEDIA_SOURCES } from '@plume/contract/media/media-enums';
import { MEDIA_KINDS } from '@plume/contract/networks/network-enums';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { zoneLabel } from '../../lib/format-time.ts';
import { parseVaultSearch, type VaultSearch } from './vault-query.ts';
import { sourceLabel } from './vault-thumb.tsx';

interface VaultFiltersProps {
  search: VaultSearch;
  timeZone: string;
  onChange: (search: VaultSearch) => void;
}

const all = (label: string) => ({ value: '', label });
const kindOptions = [
  all('All types'),
  ...MEDIA_KINDS.map((kind) => ({
    value: kind,
    label: kind === 'gif' ? 'GIF' : kind[0]?.toUpperCase() + kind.slice(1),
  })),
];
const sourceOptions = [
  all('All sources'),
  ...MEDIA_SOURCES.map((source) => ({ value: source, label: sourceLabel[source] })),
];
const approvalOptions = [
  all('Any approval'),
  ...MEDIA_APPROVALS.map((approval) => ({
    value: approval,
    label: approval === 'pending' ? 'Needs approval' : approval[0]?.toUpperCase() + approval.slice(1),
  })),
];
const usageOptions = [
  all('Used or not'),
  { value: 'used', label: 'Used in posts' },
  { value: 'unused', label: 'Not used yet' },
];

/** Type, source, approval, use, tag, dates and a text search; every change lands in the URL. */
export function VaultFilters({ search, timeZone, onChange }: VaultFiltersProps) {
  const [words, setWords] = useState(search.q ?? '');
  useEffect(() => setWords(search.q ?? ''), [search.q]);
  const set = (key: keyof VaultSearch, value: string) =>
    onChange(parseVaultSearch({ ...search, [key]: value || undefined }));
  return (
    <form
      role="search"
      aria-label="Media filters"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        set('q', words);
      }}
    >
      <div className="flex items-end gap-2 sm:col-span-2">
        <TextField
          label="Search"
          type="search"
          className="flex-1"
          placeholder="File name, alt text, prompt or tag"
          value={words}
          onChange={(event) => setWords(event.target.value)}
        />
        <button
          type="submit"
          className="mb-0.5 rounded-md border border-line-strong px-3 py-2 text-sm text-ink hover:bg-subtle"
        >
          Search
        </button>
      </div>
      <SelectField
        label="Type"
        options={kindOptions}
        value={search.kind ?? ''}
        onChange={(e) => set('kind', e.target.value)}
      />
      <SelectField
        label="Source"
        options={sourceOptions}
        value={search.source ?? ''}
        onChange={(e) => set('source', e.target.value)}
      />
      <SelectField
        label="Approval"
        options={approvalOptions}
        value={search.approval ?? ''}
        onChange={(e) => set('approval', e.target.value)}
      />
      <SelectField
        label="Use"
        options={usageOptions}
        value={search.usage ?? ''}
        onChange={(e) => set('usage', e.target.value)}
      />
      <TextField label="Tag" value={search.tag ?? ''} onChange={(e) => set('tag', e.target.value)} />
      <div className="grid grid-cols-2 gap-2">
        <TextField
          label="Added from"
          type="date"
          hint={zoneLabel(timeZone)}
          value={search.from ?? ''}
          onChange={(e) => set('from', e.target.value)}
        />
        <TextField label="to" type="date" value={search.to ?? ''} onChange={(e) => set('to', e.target.value)} />
      </div>
    </form>
  );
}
