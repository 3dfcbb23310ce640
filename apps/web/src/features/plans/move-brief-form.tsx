import { useState, type FormEvent } from 'react';
import type { PlanBrief } from '@plume/contract/planning/plan-schemas';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { dayLabel, timeOf } from './plan-days.ts';
import type { MoveInput } from './move-brief.ts';

type Props = {
  brief: PlanBrief;
  /** The days it may go to (the week's days in the plan's month). */
  days: readonly string[];
  /** The day it was dropped on, or its own day when opened from "Move…". */
  initialDay: string;
  zoneLabel: string;
  onMove: (move: MoveInput) => void;
  onCancel: () => void;
};

/** A day and, optionally, a time on it: after a drop, or from the card's "Move…" (the keyboard's way to move). */
export function MoveBriefForm({ brief, days, initialDay, zoneLabel, onMove, onCancel }: Props) {
  const [day, setDay] = useState(initialDay);
  const [time, setTime] = useState(timeOf(brief.slotLocal) ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMove({ briefId: brief.id, day, time });
  };
  return (
    <form onSubmit={submit} className="mt-2 space-y-2" aria-label={`Move "${brief.topic}"`} noValidate>
      <SelectField
        label="Day"
        value={day}
        onChange={(event) => setDay(event.target.value)}
        options={days.map((value) => ({ value, label: dayLabel(value) }))}
      />
      <TextField
        label={`Time (${zoneLabel})`}
        type="time"
        step={300}
        value={time}
        onChange={(event) => setTime(event.target.value)}
        hint="Leave empty to place it later with the week."
      />
      <div className="flex flex-wrap gap-1">
        <Button type="submit">Move</Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
