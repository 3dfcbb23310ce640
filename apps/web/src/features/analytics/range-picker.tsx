import { useState } from 'react';
import { daysInRange, MAX_RANGE_DAYS } from '@plume/contract/analytics/analytics-query';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { zoneLabel } from '../../lib/format-time.ts';
import type { DayRange } from './analytics-queries.ts';
import { lastDays, RANGE_PRESETS } from './analytics-range.ts';

interface RangePickerProps {
  range: DayRange;
  compare: boolean;
  timeZone: string;
  onChange: (range: DayRange, compare: boolean) => void;
}

/** What is wrong with a custom range, in words, at the field it concerns. */
function problemsOf(range: DayRange): { from?: string; to?: string } {
  if (!range.from) return { from: 'Choose a start date.' };
  if (!range.to) return { to: 'Choose an end date.' };
  const days = daysInRange(range.from, range.to);
  if (days < 1) return { to: 'The end date comes before the start.' };
  if (days > MAX_RANGE_DAYS) return { to: `Choose at most ${MAX_RANGE_DAYS} days.` };
  return {};
}

/** Presets (last 7, 28, 90, 365 days), a custom range, and whether to compare with the period before. */
export function RangePicker({ range, compare, timeZone, onChange }: RangePickerProps) {
  const [draft, setDraft] = useState<DayRange>(range);
  const [problems, setProblems] = useState<{ from?: string; to?: string }>({});
  const activePreset = RANGE_PRESETS.find((days) => {
    const preset = lastDays(days, timeZone);
    return preset.from === range.from && preset.to === range.to;
  });
  const apply = () => {
    const found = problemsOf(draft);
    setProblems(found);
    if (!found.from && !found.to) onChange(draft, compare);
  };
  return (
    <div className="space-y-3">
      <div role="group" aria-label="Date range" className="flex flex-wrap gap-2">
        {RANGE_PRESETS.map((days) => (
          <Button
            key={days}
            variant={activePreset === days ? 'primary' : 'secondary'}
            aria-pressed={activePreset === days}
            onClick={() => {
              const next = lastDays(days, timeZone);
              setDraft(next);
              setProblems({});
              onChange(next, compare);
            }}
          >
            Last {days} days
          </Button>
        ))}
      </div>
      <form
        className="flex flex-wrap items-start gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <TextField
          label="From"
          type="date"
          value={draft.from}
          error={problems.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
        <TextField
          label="To"
          type="date"
          value={draft.to}
          error={problems.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
        <Button type="submit" variant="secondary" className="mt-6">
          Show
        </Button>
      </form>
      <CheckboxField
        label="Compare with the previous period"
        checked={compare}
        onChange={(event) => onChange(range, event.target.checked)}
      />
      <p className="text-xs text-muted">Days in {zoneLabel(timeZone)}, both included.</p>
    </div>
  );
}
