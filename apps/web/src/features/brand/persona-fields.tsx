import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { problemAt, type PersonaFormValues } from './brand-form-values.ts';
import { RangeField } from './range-field.tsx';
import { TextAreaField } from './text-area-field.tsx';

interface PersonaFieldsProps {
  values: PersonaFormValues;
  onChange: (values: PersonaFormValues) => void;
  problems: Record<string, string>;
  disabled: boolean;
}

const strength = (value: number) => `${Math.round(value * 100)} %`;

/** The character: traits (0–1), style, interests, backstory and the AI disclosure it always carries. */
export function PersonaFields({ values, onChange, problems, disabled }: PersonaFieldsProps) {
  const set = <K extends keyof PersonaFormValues>(key: K, value: PersonaFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const at = (path: string) => problemAt(problems, `persona/${path}`);
  const setTrait = (index: number, trait: { name: string; value: number }) =>
    set(
      'traits',
      values.traits.map((t, i) => (i === index ? trait : t)),
    );
  return (
    <div className="space-y-4">
      <TextField
        label="Persona name"
        name="personaName"
        value={values.name}
        error={at('name')}
        onChange={(e) => set('name', e.target.value)}
      />
      <fieldset className="space-y-3 rounded-md border border-line p-4">
        <legend className="px-1 text-sm font-semibold text-ink">Traits</legend>
        {values.traits.map((trait, index) => (
          <div key={index} className="grid items-end gap-2 sm:grid-cols-[10rem_1fr_auto]">
            <TextField
              label={`Trait ${index + 1}`}
              value={trait.name}
              autoComplete="off"
              onChange={(e) => setTrait(index, { ...trait, name: e.target.value })}
            />
            <RangeField
              label={`Strength of ${trait.name || `trait ${index + 1}`}`}
              value={trait.value}
              describe={strength}
              disabled={disabled}
              onChange={(value) => setTrait(index, { ...trait, value })}
            />
            <Button
              variant="ghost"
              onClick={() =>
                set(
                  'traits',
                  values.traits.filter((_, i) => i !== index),
                )
              }
            >
              Remove<span className="sr-only"> trait {trait.name}</span>
            </Button>
          </div>
        ))}
        {at('traits') ? <p className="text-sm text-danger">{at('traits')}</p> : null}
        <Button
          variant="secondary"
          disabled={values.traits.length >= 12}
          onClick={() => set('traits', [...values.traits, { name: '', value: 0.5 }])}
        >
          Add a trait
        </Button>
      </fieldset>
      <TextAreaField
        label="Style"
        name="styleNotes"
        value={values.styleNotes}
        error={at('styleNotes')}
        hint="How the persona writes: sentence length, slang, punctuation."
        onChange={(e) => set('styleNotes', e.target.value)}
      />
      <TextAreaField
        label="Interests"
        name="interests"
        value={values.interests}
        error={at('interests')}
        hint="One per line."
        onChange={(e) => set('interests', e.target.value)}
      />
      <TextAreaField
        label="Backstory"
        name="backstory"
        rows={4}
        value={values.backstory}
        error={at('backstory')}
        onChange={(e) => set('backstory', e.target.value)}
      />
      <TextField
        label="Disclosure line"
        name="disclosure"
        value={values.disclosure}
        error={at('disclosure')}
        required
        hint="Required: shown on the account and added to posts, so readers know an AI assists."
        onChange={(e) => set('disclosure', e.target.value)}
      />
    </div>
  );
}
