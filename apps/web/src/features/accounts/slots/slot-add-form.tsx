import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { DAY_CHOICES, isSlotTime, type DayChoice } from './slot-list.ts';

/** Picks a day (or Monday–Friday, or every day) and a time, and hands them to `onAdd`. */
export function SlotAddForm({ label, onAdd }: { label: string; onAdd: (choice: DayChoice, time: string) => void }) {
  const [choice, setChoice] = useState<DayChoice>('weekdays');
  const [time, setTime] = useState('09:00');
  const [error, setError] = useState<string>();

  function handleAdd() {
    if (!isSlotTime(time)) {
      setError('Enter a time such as 09:00.');
      return;
    }
    setError(undefined);
    onAdd(choice, time);
  }

  return (
    <div className="flex flex-wrap items-end gap-2">
      <SelectField
        label="Day"
        options={DAY_CHOICES}
        value={choice}
        className="w-48"
        onChange={(e) => setChoice(e.target.value as DayChoice)}
      />
      <TextField
        label="Time"
        type="time"
        value={time}
        className="w-36"
        error={error}
        onChange={(e) => setTime(e.target.value)}
      />
      <Button variant="secondary" onClick={handleAdd}>
        Add time<span className="sr-only"> for {label}</span>
      </Button>
    </div>
  );
}
