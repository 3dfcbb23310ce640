import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/button.tsx';
import { fieldClasses } from '../../components/field-classes.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { fieldErrorsOf, type FieldErrors } from '../../lib/field-errors.ts';

export interface SavedReplyValues {
  title: string;
  text: string;
}

interface FormProps {
  initial: SavedReplyValues;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (values: SavedReplyValues) => void;
  onCancel?: () => void;
}

function validate(values: SavedReplyValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.title.trim().length === 0) errors.title = 'Give the saved reply a title';
  else if (values.title.trim().length > 80) errors.title = 'A title has at most 80 characters';
  if (values.text.trim().length === 0) errors.text = 'Write the reply';
  else if (values.text.trim().length > 5000) errors.text = 'A reply has at most 5,000 characters';
  return errors;
}

/** A saved reply's title and text, each error at its field (a title already used is named there too). */
export function SavedReplyForm({ initial, submitLabel, isPending, error, onSubmit, onCancel }: FormProps) {
  const textId = useId();
  const [values, setValues] = useState(initial);
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const serverErrors = fieldErrorsOf(error);
  const errors = { ...serverErrors, ...ownErrors };
  const hasFieldError = Object.keys(serverErrors).length > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate(values);
    setOwnErrors(found);
    if (Object.keys(found).length === 0) onSubmit({ title: values.title.trim(), text: values.text.trim() });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-3">
      {error && !hasFieldError ? <FormAlert error={error} /> : null}
      <TextField
        label="Title"
        value={values.title}
        hint="How the team finds it, e.g. “Opening hours”."
        onChange={(e) => setValues({ ...values, title: e.target.value })}
        error={errors.title}
      />
      <div>
        <label htmlFor={textId} className="mb-1 block text-sm font-medium text-ink">
          Text
        </label>
        <textarea
          id={textId}
          rows={4}
          value={values.text}
          onChange={(e) => setValues({ ...values, text: e.target.value })}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? `${textId}-error` : undefined}
          className={fieldClasses(Boolean(errors.text))}
        />
        {errors.text ? (
          <p id={`${textId}-error`} className="mt-1 text-sm text-danger">
            {errors.text}
          </p>
        ) : null}
      </div>
      <div className="flex gap-2">
        <Button type="submit" isPending={isPending} pendingLabel="Saving…">
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
