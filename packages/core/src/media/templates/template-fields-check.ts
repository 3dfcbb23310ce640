/** A template's fields checked against its schema, problems reported at their field (`body/fields/…`). */
import type { TemplateId } from '@plume/contract/media/media-enums';
import { templateFieldSchemas, type TemplateFields } from '@plume/contract/media/template-fields';
import { AppError } from '@plume/errors/app-error';

export function checkTemplateFields<Id extends TemplateId>(
  templateId: Id,
  fields: unknown,
  at = 'body/fields',
): TemplateFields[Id] {
  const parsed = templateFieldSchemas[templateId].safeParse(fields);
  if (parsed.success) return parsed.data as TemplateFields[Id];
  const errors = parsed.error.issues.map((issue) => ({
    path: [at, ...issue.path.map(String)].join('/'),
    message: issue.message,
  }));
  throw new AppError('validation_failed', {
    detail: errors.map((error) => `${error.path}: ${error.message}`).join('; '),
    errors,
  });
}
