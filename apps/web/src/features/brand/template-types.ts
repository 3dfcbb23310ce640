import type { ContentType } from '../posts/ai-writer-types.ts';

/** Every placeholder a skeleton may use (the API refuses any other `{{name}}`). */
export const TEMPLATE_PLACEHOLDERS = ['topic', 'audience', 'brand', 'cta', 'product', 'competitor', 'key_points', 'customer', 'goal'] as const;
export type PlaceholderName = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** A content template as `GET …/content-templates` lists it: the built-in or the workspace's version. */
export interface ContentTemplate {
  contentType: ContentType;
  name: string;
  description: string;
  /** The prompt skeleton for the model, with `{{placeholder}}`s. */
  skeleton: string;
  /** Placeholders that must have a value when writing; the others are optional. */
  required: PlaceholderName[];
  /** True when the workspace changed the built-in template. */
  isOverridden: boolean;
}

export interface TemplateListResponse {
  items: ContentTemplate[];
}

/** `PUT …/content-templates/:contentType`: the fields sent replace the built-in's. */
export interface TemplateBody {
  name: string;
  description: string;
  skeleton: string;
  required: PlaceholderName[];
}

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

export const isPlaceholderName = (name: string): name is PlaceholderName => (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * The placeholders a skeleton uses, in order of first use, known ones and typos alike.
 * @example placeholdersIn('About {{topic}} for {{audience}}, {{topic}}') // ['topic', 'audience']
 */
export function placeholdersIn(skeleton: string): string[] {
  return [...new Set(Array.from(skeleton.matchAll(placeholderPattern), (match) => match[1] ?? ''))].filter(Boolean);
}

/** The body that saves the form; trimmed, the way the API stores it. */
export function toTemplateBody(values: TemplateBody): TemplateBody {
  return { name: values.name.trim(), description: values.description.trim(), skeleton: values.skeleton.trim(), required: values.required };
}
