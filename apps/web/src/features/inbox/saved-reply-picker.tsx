import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { fieldClasses } from '../../components/field-classes.ts';
import { savedRepliesQueryOptions } from './inbox-queries.ts';

interface PickerProps {
  workspaceId: string;
  disabled: boolean;
  onInsert: (text: string) => void;
  onManage: () => void;
}

/** "Insert saved reply": picking one puts its text in the editor. */
export function SavedReplyPicker({ workspaceId, disabled, onInsert, onManage }: PickerProps) {
  const selectId = useId();
  const saved = useQuery(savedRepliesQueryOptions(workspaceId));
  const items = saved.data ?? [];
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={selectId} className="mb-1 block text-sm font-medium text-ink">
          Insert saved reply
        </label>
        <select
          id={selectId}
          value=""
          disabled={disabled || items.length === 0}
          className={fieldClasses(false)}
          onChange={(e) => {
            const picked = items.find((item) => item.id === e.target.value);
            if (picked) onInsert(picked.text);
          }}
        >
          <option value="">
            {saved.isPending ? 'Loading…' : items.length === 0 ? 'No saved replies yet' : 'Choose one…'}
          </option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
      </div>
      <Button variant="ghost" onClick={onManage}>
        Manage saved replies
      </Button>
    </div>
  );
}
