import { useMemo } from 'react';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { timezoneOptions } from './timezones.ts';

type Props = {
  timezone: string;
  locale: string;
  onTimezoneChange: (value: string) => void;
  onLocaleChange: (value: string) => void;
  errors: { timezone?: string | undefined; locale?: string | undefined };
};

/** The workspace's time zone and locale, as both the create and the settings form ask for them. */
export function TimezoneLocaleFields({ timezone, locale, onTimezoneChange, onLocaleChange, errors }: Props) {
  const zoneOptions = useMemo(() => timezoneOptions(timezone), [timezone]);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField
        label="Timezone"
        name="timezone"
        value={timezone}
        options={zoneOptions}
        onChange={(e) => onTimezoneChange(e.target.value)}
        error={errors.timezone}
      />
      <TextField
        label="Locale"
        name="locale"
        value={locale}
        hint="A language tag such as en-US or fr-FR."
        onChange={(e) => onLocaleChange(e.target.value)}
        error={errors.locale}
      />
    </div>
  );
}
