import type { SelectOption } from '../../components/select-field.tsx';

/** The browser's timezone, e.g. `Europe/Paris`; `UTC` when unknown. */
export function browserTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The browser's locale, e.g. `en-GB`. */
export function browserLocale(): string {
  return navigator.language || 'en';
}

/** Every IANA timezone the browser knows, always including `current` and UTC. */
export function timezoneOptions(current: string): SelectOption[] {
  const zones = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}
