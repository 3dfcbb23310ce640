import type { Account } from '@plume/contract/accounts/account-schemas';
import { isPostState, POST_STATES, type PostState, stateLabel } from '@plume/contract/posts/post-states';
import { SelectField } from '../../components/select-field.tsx';
import { useNetworkName } from '../networks/use-network-name.ts';
import { stateColors } from './calendar-events.ts';

export interface CalendarFilter {
  accountId?: string;
  state?: PostState;
}

interface CalendarFiltersProps {
  accounts: Account[];
  filter: CalendarFilter;
  onChange: (filter: CalendarFilter) => void;
}

/** Account and state filters, and the colour key of the states. */
export function CalendarFilters({ accounts, filter, onChange }: CalendarFiltersProps) {
  const networkName = useNetworkName();
  const accountOptions = [
    { value: '', label: 'All accounts' },
    ...accounts.map((a) => ({ value: a.id, label: `${networkName(a.network)} · ${a.handle}` })),
  ];
  const stateOptions = [
    { value: '', label: 'All states' },
    ...POST_STATES.map((s) => ({ value: s, label: stateLabel(s) })),
  ];
  return (
    <div className="space-y-3">
      <div className="grid max-w-xl gap-3 sm:grid-cols-2">
        <SelectField
          label="Account"
          options={accountOptions}
          value={filter.accountId ?? ''}
          onChange={(e) => onChange({ ...filter, accountId: e.target.value || undefined })}
        />
        <SelectField
          label="State"
          options={stateOptions}
          value={filter.state ?? ''}
          onChange={(e) => onChange({ ...filter, state: isPostState(e.target.value) ? e.target.value : undefined })}
        />
      </div>
      <ul aria-label="Colours by state" className="flex flex-wrap gap-3 text-xs text-muted">
        {POST_STATES.map((state) => (
          <li key={state} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-sm"
              style={{ backgroundColor: stateColors[state] }}
            />
            {stateLabel(state)}
          </li>
        ))}
      </ul>
    </div>
  );
}
