import type { TemplateFieldInfo } from '@plume/contract/media/template-fields';
import { CheckboxField } from '../../../components/checkbox-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextAreaField } from '../../brand/text-area-field.tsx';
import type { FieldValue, FieldValues, SlideValues, TemplateForm } from './design-form.ts';
import { MediaImageField } from './media-image-field.tsx';
import { SlidesEditor } from './slides-editor.tsx';

interface TemplateFieldsFormProps {
  workspaceId: string;
  definition: TemplateForm;
  values: FieldValues;
  /** Problems by form path (`quote`, `slides/1/title`). */
  problems: Record<string, string>;
  onChange: (name: string, value: FieldValue) => void;
}

function lengthHint(field: TemplateFieldInfo, value: string): string | undefined {
  if (field.maxLength === undefined) return field.required ? undefined : 'Optional.';
  return `${value.length} of ${field.maxLength} characters${field.required ? '' : ', optional'}.`;
}

/** The chosen template's fields, each drawn by its kind, with the API's problems at each. */
export function TemplateFieldsForm({ workspaceId, definition, values, problems, onChange }: TemplateFieldsFormProps) {
  return (
    <div className="space-y-4">
      {definition.fields.map((field) => {
        const value = values[field.name];
        const error = problems[field.name];
        const text = typeof value === 'string' ? value : '';
        switch (field.kind) {
          case 'slides':
            return (
              <SlidesEditor
                key={field.name}
                slides={Array.isArray(value) ? value : []}
                max={field.max ?? 10}
                problems={problems}
                onChange={(slides: SlideValues[]) => onChange(field.name, slides)}
              />
            );
          case 'boolean':
            return (
              <CheckboxField
                key={field.name}
                label={field.label}
                checked={value === true}
                onChange={(e) => onChange(field.name, e.target.checked)}
              />
            );
          case 'image':
            return (
              <MediaImageField
                key={field.name}
                workspaceId={workspaceId}
                label={field.label}
                value={text}
                required={field.required}
                error={error}
                onChange={(mediaId) => onChange(field.name, mediaId)}
              />
            );
          case 'longText':
            return (
              <TextAreaField
                key={field.name}
                label={field.label}
                rows={3}
                value={text}
                maxLength={field.maxLength}
                hint={lengthHint(field, text)}
                error={error}
                onChange={(e) => onChange(field.name, e.target.value)}
              />
            );
          case 'number':
            return (
              <TextField
                key={field.name}
                label={field.label}
                type="number"
                inputMode="numeric"
                min={field.min}
                max={field.max}
                value={text}
                hint={`A whole number from ${field.min ?? 1} to ${field.max ?? 99}, optional.`}
                error={error}
                onChange={(e) => onChange(field.name, e.target.value)}
              />
            );
          default:
            return (
              <TextField
                key={field.name}
                label={field.label}
                value={text}
                maxLength={field.maxLength}
                autoComplete="off"
                hint={lengthHint(field, text)}
                error={error}
                onChange={(e) => onChange(field.name, e.target.value)}
              />
            );
        }
      })}
    </div>
  );
}
