import { TEMPLATE_PLACEHOLDERS, type PlaceholderName } from '@plume/contract/content/content-enums';
import type { TemplateBody } from '@plume/contract/content/content-schemas';

/** The template form: every field of the body, filled in. */
export type TemplateForm = Required<TemplateBody>;

/** What each placeholder is filled with when a post is written. */
export const placeholderMeanings: Record<PlaceholderName, string> = {
  topic: 'What the post is about (the brief’s topic).',
  audience: 'Who reads the posts, from the brand profile.',
  brand: 'The brand name, from the brand profile.',
  cta: 'The call to action: the brief’s, or the profile’s first default.',
  product: 'The product the post features, given with the brief.',
  competitor: 'The alternative a comparison is made with, given with the brief.',
  key_points: 'The brief’s key points, joined by semicolons.',
  customer: 'The customer whose story is told, given with the brief.',
  goal: 'What the post should achieve, given with the brief.',
};

const placeholderPattern = /\{\{\s*(\w+)\s*\}\}/g;

export const isPlaceholderName = (name: string): name is PlaceholderName =>
  (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * The placeholders a skeleton uses, in order of first use, known ones and typos alike.
 * @example placeholdersIn('About {{topic}} for {{audience}}, {{topic}}') // ['topic', 'audience']
 */
export function placeholdersIn(skeleton: string): string[] {
  return [...new Set(Array.from(skeleton.matchAll(placeholderPattern), (match) => match[1] ?? ''))].filter(Boolean);
}

/** The body that saves the form; trimmed, the way the API stores it. */
export function toTemplateBody(values: TemplateForm): TemplateForm {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    skeleton: values.skeleton.trim(),
    required: values.required,
  };
}
