import { useId } from 'react';
import { TextField } from '../../../components/text-field.tsx';

/**
 * Voices the speech providers Plume speaks to commonly offer: OpenAI and OpenAI-compatible servers
 * (alloy…), and espeak-ng's language voices. Any other name a server knows can be typed.
 */
export const SUGGESTED_VOICES = [
  'alloy',
  'ash',
  'coral',
  'echo',
  'fable',
  'nova',
  'onyx',
  'sage',
  'shimmer',
  'en-us',
  'en-gb',
  'fr',
  'de',
  'es',
] as const;

interface VoiceFieldProps {
  value: string;
  onChange: (voice: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  label?: string;
}

/** A voice name with suggestions (a <datalist>): the speech provider decides which names it knows. */
export function VoiceField({ value, onChange, error, hint, label = 'Voice' }: VoiceFieldProps) {
  const listId = useId();
  return (
    <>
      <TextField
        label={label}
        name="voice"
        list={listId}
        value={value}
        error={error}
        hint={hint ?? 'For example alloy or nova (OpenAI-compatible), en-us (espeak-ng).'}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {SUGGESTED_VOICES.map((voice) => (
          <option key={voice} value={voice} />
        ))}
      </datalist>
    </>
  );
}
