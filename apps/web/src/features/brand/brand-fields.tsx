import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { formalityLabel, problemAt, type BrandFormValues } from './brand-form-values.ts';
import { RangeField } from './range-field.tsx';
import { TextAreaField } from './text-area-field.tsx';

const emojiOptions = [
  { value: 'none', label: 'None' },
  { value: 'some', label: 'Some' },
  { value: 'lots', label: 'Lots' },
];
const personOptions = [
  { value: 'first_plural', label: 'We (first person plural)' },
  { value: 'first_singular', label: 'I (first person singular)' },
  { value: 'third', label: 'They / the brand name (third person)' },
];

interface BrandFieldsProps {
  values: BrandFormValues;
  onChange: (values: BrandFormValues) => void;
  /** Problems by path without `body/`, e.g. `brand/voice/tone`. */
  problems: Record<string, string>;
}

/** Who the brand is, who it talks to, how it sounds and what it never says. */
export function BrandFields({ values, onChange, problems }: BrandFieldsProps) {
  const set = <K extends keyof BrandFormValues>(key: K, value: BrandFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const at = (path: string) => problemAt(problems, `brand/${path}`);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Brand name"
          name="name"
          value={values.name}
          error={at('name')}
          onChange={(e) => set('name', e.target.value)}
        />
        <TextField
          label="Industry"
          name="industry"
          value={values.industry}
          error={at('industry')}
          onChange={(e) => set('industry', e.target.value)}
        />
      </div>
      <TextAreaField
        label="Audience"
        name="audience"
        rows={2}
        value={values.audience}
        error={at('audience')}
        hint="Who reads the posts, e.g. busy parents in Lyon who love good coffee."
        onChange={(e) => set('audience', e.target.value)}
      />
      <TextAreaField
        label="Goals"
        name="goals"
        value={values.goals}
        error={at('goals')}
        hint="One per line."
        onChange={(e) => set('goals', e.target.value)}
      />
      <fieldset className="space-y-4 rounded-md border border-line p-4">
        <legend className="px-1 text-sm font-semibold text-ink">Voice</legend>
        <TextField
          label="Tone words"
          name="tone"
          value={values.tone}
          error={at('voice/tone')}
          hint="1–8 words, separated by commas, e.g. warm, witty, direct."
          onChange={(e) => set('tone', e.target.value)}
        />
        <RangeField
          label="Formality"
          value={values.formality}
          describe={formalityLabel}
          error={at('voice/formality')}
          onChange={(value) => set('formality', value)}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Emoji"
            name="emoji"
            options={emojiOptions}
            value={values.emoji}
            error={at('voice/emoji')}
            onChange={(e) =>
              set('emoji', e.target.value === 'none' || e.target.value === 'lots' ? e.target.value : 'some')
            }
          />
          <SelectField
            label="Speaks as"
            name="person"
            options={personOptions}
            value={values.person}
            error={at('voice/person')}
            onChange={(e) =>
              set(
                'person',
                e.target.value === 'first_singular' || e.target.value === 'third' ? e.target.value : 'first_plural',
              )
            }
          />
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextAreaField
          label="Topics"
          name="topics"
          value={values.topics}
          error={at('topics')}
          hint="What the brand talks about, one per line."
          onChange={(e) => set('topics', e.target.value)}
        />
        <TextAreaField
          label="Topics to avoid"
          name="topicsToAvoid"
          value={values.topicsToAvoid}
          error={at('topicsToAvoid')}
          hint="One per line."
          onChange={(e) => set('topicsToAvoid', e.target.value)}
        />
      </div>
      <TextAreaField
        label="Calls to action"
        name="ctaDefaults"
        value={values.ctaDefaults}
        error={at('ctaDefaults')}
        hint="Most preferred first, one per line."
        onChange={(e) => set('ctaDefaults', e.target.value)}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Language"
          name="language"
          value={values.language}
          error={at('language')}
          hint="e.g. en, en-GB, pt-BR."
          onChange={(e) => set('language', e.target.value)}
        />
        <TextField
          label="Always use hashtags"
          name="hashtagsAlways"
          value={values.hashtagsAlways}
          error={at('hashtags/always')}
          hint="Up to 10."
          onChange={(e) => set('hashtagsAlways', e.target.value)}
        />
        <TextField
          label="Never use hashtags"
          name="hashtagsNever"
          value={values.hashtagsNever}
          error={at('hashtags/never')}
          onChange={(e) => set('hashtagsNever', e.target.value)}
        />
      </div>
    </div>
  );
}
