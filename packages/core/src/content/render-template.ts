/**
 * Fills a template skeleton's `{{placeholders}}`. It never leaves a `{{x}}` behind: a missing required
 * value, an unknown name or a malformed brace is reported as a typed error instead of text.
 */
import { TEMPLATE_PLACEHOLDERS, type PlaceholderName } from '@plume/contract/content/content-enums';
import type { ContentTemplate } from './templates.ts';

export type TemplateError =
  | { code: 'missing_value'; placeholder: PlaceholderName; message: string }
  | { code: 'unknown_placeholder'; placeholder: string; message: string }
  | { code: 'malformed_placeholder'; snippet: string; message: string }
  /** An override marks a placeholder required that its skeleton never uses. */
  | { code: 'required_not_used'; placeholder: PlaceholderName; message: string };

export type RenderResult = { ok: true; text: string } | { ok: false; errors: TemplateError[] };

export type TemplateValues = Partial<Record<PlaceholderName, string>>;

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
const known = new Set<string>(TEMPLATE_PLACEHOLDERS);

function isPlaceholderName(name: string): name is PlaceholderName {
  return known.has(name);
}

/** Checks a skeleton on its own: every `{{…}}` is a known placeholder and no brace is left unpaired. */
export function checkSkeleton(skeleton: string): TemplateError[] {
  const errors: TemplateError[] = [];
  for (const match of skeleton.matchAll(placeholderPattern)) {
    const name = match[1]!;
    if (!isPlaceholderName(name)) {
      errors.push({
        code: 'unknown_placeholder',
        placeholder: name,
        message: `{{${name}}} is not a placeholder Plume knows (${TEMPLATE_PLACEHOLDERS.join(', ')})`,
      });
    }
  }
  const leftover = skeleton.replace(placeholderPattern, '');
  const stray = /.{0,10}(\{\{|\}\}).{0,10}/.exec(leftover);
  if (stray)
    errors.push({ code: 'malformed_placeholder', snippet: stray[0], message: `Unpaired braces near "${stray[0]}"` });
  return errors;
}

/**
 * Fills placeholders with trimmed values. A line holding an optional placeholder without a value is
 * dropped whole ("Call to action: {{cta}}" disappears when there is no CTA).
 *
 * @example renderTemplate(BUILT_IN_TEMPLATES.educational, { topic: 'cold brew' }) // { ok: true, text: 'Write an educational post about cold brew…' }
 */
export function renderTemplate(template: ContentTemplate, values: TemplateValues): RenderResult {
  const errors = checkSkeleton(template.skeleton);
  const valueOf = (name: PlaceholderName) => values[name]?.trim() ?? '';
  for (const name of template.required) {
    if (!valueOf(name))
      errors.push({
        code: 'missing_value',
        placeholder: name,
        message: `The ${template.name} template needs a value for {{${name}}}`,
      });
  }
  if (errors.length > 0) return { ok: false, errors };

  const lines: string[] = [];
  for (const line of template.skeleton.split('\n')) {
    const names = Array.from(line.matchAll(placeholderPattern), (match) => match[1] as PlaceholderName);
    if (names.some((name) => !valueOf(name))) continue;
    lines.push(line.replace(placeholderPattern, (_whole, name: PlaceholderName) => valueOf(name)));
  }
  return { ok: true, text: lines.join('\n') };
}
