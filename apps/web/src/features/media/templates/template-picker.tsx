import type { TemplateId } from '@plume/contract/media/media-enums';
import type { TemplateSummary } from '@plume/contract/media/design-schemas';
import { RadioCard } from '../../../components/radio-card.tsx';

interface TemplatePickerProps {
  templates: readonly TemplateSummary[];
  value: TemplateId;
  onChange: (templateId: TemplateId) => void;
}

/** The templates as cards (a radio group: arrow keys move between them). */
export function TemplatePicker({ templates, value, onChange }: TemplatePickerProps) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-ink">Template</legend>
      <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
        {templates.map((template) => (
          <RadioCard
            key={template.id}
            name="template"
            value={template.id}
            label={template.name}
            description={template.description}
            checked={value === template.id}
            onChange={() => onChange(template.id)}
          />
        ))}
      </div>
    </fieldset>
  );
}
