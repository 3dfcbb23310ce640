import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Preferences, preferencesSchema, type Theme } from '@plume/contract/me/me-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { preferencesQueryOptions } from './me-query.ts';
import { applyTheme } from './theme.ts';

const themeOptions = [
  { value: 'system', label: 'Same as my device' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;

const weekOptions = [
  { value: '1', label: 'Monday' },
  { value: '0', label: 'Sunday' },
] as const;

function isTheme(value: string): value is Theme {
  return themeOptions.some((option) => option.value === value);
}

/** Theme, week start and locale (`PUT /me/preferences`); notifications have their own form. */
export function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Preferences>(preferences);
  const save = useMutation({
    mutationFn: (body: Preferences) => api.put('/me/preferences', body, preferencesSchema),
    onSuccess: (saved) => {
      queryClient.setQueryData(preferencesQueryOptions.queryKey, saved);
      applyTheme(saved.theme);
    },
  });
  const errors = fieldErrorsOf(save.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ ...draft, locale: draft.locale.trim() });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={save.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Theme"
          name="theme"
          options={themeOptions}
          value={draft.theme}
          error={errors.theme}
          onChange={(e) => isTheme(e.target.value) && setDraft({ ...draft, theme: e.target.value })}
        />
        <SelectField
          label="Week starts on"
          name="weekStartsOn"
          options={weekOptions}
          value={String(draft.weekStartsOn)}
          error={errors.weekStartsOn}
          onChange={(e) => setDraft({ ...draft, weekStartsOn: e.target.value === '0' ? 0 : 1 })}
        />
        <TextField
          label="Locale"
          name="locale"
          value={draft.locale}
          error={errors.locale}
          hint="A language tag such as en-US or fr-FR."
          onChange={(e) => setDraft({ ...draft, locale: e.target.value })}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
          Save preferences
        </Button>
        {save.isSuccess ? <StatusMessage>Saved.</StatusMessage> : null}
      </div>
    </form>
  );
}
