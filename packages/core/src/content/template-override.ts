/**
 * A workspace's change to a built-in template (stored elsewhere). Only the given fields replace the
 * built-in ones; the merged skeleton is checked so a typo like `{{topc}}` is refused when saved.
 */
import type { z } from 'zod';
import type { templateOverrideSchema } from '@plume/contract/content/content-schemas';
import { checkSkeleton, type TemplateError } from './render-template.ts';
import type { ContentTemplate } from './templates.ts';

export type TemplateOverride = z.infer<typeof templateOverrideSchema>;

export type MergeResult = { ok: true; template: ContentTemplate } | { ok: false; errors: TemplateError[] };

/**
 * Applies an override to the built-in template of the same content type.
 *
 * @example mergeTemplate(BUILT_IN_TEMPLATES.review, { contentType: 'review', name: 'Honest take' })
 */
export function mergeTemplate(base: ContentTemplate, override: TemplateOverride): MergeResult {
  if (override.contentType !== base.contentType) {
    throw new Error(`Override for ${override.contentType} applied to the ${base.contentType} template`);
  }
  const merged: ContentTemplate = {
    contentType: base.contentType,
    name: override.name ?? base.name,
    description: override.description ?? base.description,
    skeleton: override.skeleton ?? base.skeleton,
    required: override.required ?? base.required,
  };
  const errors = checkSkeleton(merged.skeleton);
  const used = new Set(Array.from(merged.skeleton.matchAll(/\{\{\s*(\w+)\s*\}\}/g), (match) => match[1]));
  for (const name of merged.required) {
    if (!used.has(name))
      errors.push({
        code: 'required_not_used',
        placeholder: name,
        message: `{{${name}}} is required but the skeleton does not use it`,
      });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, template: merged };
}
