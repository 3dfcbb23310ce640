/**
 * The template editor's form state and its mapping to the API's `fields`: what the person types stays
 * as typed (strings, with a stable key per carousel slide so reordering keeps focus), and only the
 * API's shape is sent (trimmed, optional fields left out when empty, numbers as numbers).
 */
import type { TemplateFieldInfo } from '@plume/contract/media/template-fields';
import { ApiError } from '../../../lib/api.ts';

/** What the form needs of a template (the API's template list gives it). */
export interface TemplateForm {
  fields: readonly TemplateFieldInfo[];
}

export interface SlideValues {
  /** Only for React's list; never sent. */
  key: string;
  title: string;
  body: string;
}

export type FieldValue = string | boolean | SlideValues[];
export type FieldValues = Record<string, FieldValue>;

let slideCount = 0;

/** A new empty carousel slide with its own key. */
export function newSlide(title = '', body = ''): SlideValues {
  slideCount += 1;
  return { key: `slide-${slideCount}`, title, body };
}

function emptyValue(field: TemplateFieldInfo): FieldValue {
  if (field.kind === 'boolean') return false;
  if (field.kind === 'slides') return [newSlide()];
  return '';
}

/** A fresh form for a template: every field empty (a carousel starts with one slide). */
export function emptyValues(definition: TemplateForm): FieldValues {
  return Object.fromEntries(definition.fields.map((field) => [field.name, emptyValue(field)]));
}

function textOf(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

function slidesOf(value: FieldValue | undefined): SlideValues[] {
  return Array.isArray(value) ? value : [];
}

function apiValue(field: TemplateFieldInfo, value: FieldValue | undefined): unknown {
  switch (field.kind) {
    case 'boolean':
      return value === true ? true : undefined;
    case 'number': {
      const text = textOf(value);
      const number = Number(text);
      return text === '' || !Number.isFinite(number) ? undefined : number;
    }
    case 'slides':
      return slidesOf(value).map((slide) =>
        slide.body.trim() === ''
          ? { title: slide.title.trim() }
          : { title: slide.title.trim(), body: slide.body.trim() },
      );
    default: {
      const text = textOf(value);
      return text === '' && !field.required ? undefined : text;
    }
  }
}

/**
 * The API's `fields` for what the form holds.
 * @example toApiFields(quote, { quote: ' Less, but better. ', author: '' }) // { quote: 'Less, but better.' }
 */
export function toApiFields(definition: TemplateForm, values: FieldValues): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of definition.fields) {
    const value = apiValue(field, values[field.name]);
    if (value !== undefined) fields[field.name] = value;
  }
  return fields;
}

/** A stored scalar as the text an input shows (objects, which no field stores, become empty). */
function stringOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function formValue(field: TemplateFieldInfo, value: unknown): FieldValue {
  if (field.kind === 'boolean') return value === true;
  if (field.kind === 'slides') {
    const slides = Array.isArray(value) ? value : [];
    const read = slides.map((slide: unknown) => {
      const record = typeof slide === 'object' && slide !== null ? (slide as Record<string, unknown>) : {};
      return newSlide(stringOf(record['title']), stringOf(record['body']));
    });
    return read.length > 0 ? read : [newSlide()];
  }
  return stringOf(value);
}

/** The form for a saved design's `fields` (anything the template does not know is dropped). */
export function fromApiFields(definition: TemplateForm, fields: Record<string, unknown>): FieldValues {
  return Object.fromEntries(definition.fields.map((field) => [field.name, formValue(field, fields[field.name])]));
}

/** The labels of required fields still empty: the preview waits for them instead of showing errors. */
export function missingRequired(definition: TemplateForm, values: FieldValues): string[] {
  return definition.fields
    .filter((field) => field.required)
    .filter((field) => {
      const value = values[field.name];
      if (field.kind === 'slides') return slidesOf(value).every((slide) => slide.title.trim() === '');
      return textOf(value) === '';
    })
    .map((field) => field.label);
}

/** Adds an empty slide at the end, unless the carousel is full. */
export function addSlide(slides: readonly SlideValues[], max: number): SlideValues[] {
  return slides.length >= max ? [...slides] : [...slides, newSlide()];
}

/** Removes a slide; the last one stays (a carousel has at least one). */
export function removeSlide(slides: readonly SlideValues[], index: number): SlideValues[] {
  return slides.length <= 1 ? [...slides] : slides.filter((_, at) => at !== index);
}

/** Moves a slide one place up (-1) or down (+1); a move past either end changes nothing. */
export function moveSlide(slides: readonly SlideValues[], index: number, offset: -1 | 1): SlideValues[] {
  const target = index + offset;
  const moved = [...slides];
  const [slide] = moved.splice(index, 1);
  if (slide === undefined || target < 0 || target > slides.length - 1) return [...slides];
  moved.splice(target, 0, slide);
  return moved;
}

/**
 * A refused request's field problems keyed by where they are in the form: `body/fields/slides/1/title`
 * → `slides/1/title`; other paths (`body/name`, `body/aspectRatio`) lose only `body/`.
 */
export function formProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const problems: Record<string, string> = {};
  for (const problem of error.errors) {
    const path = problem.path
      .replace(/\./g, '/')
      .replace(/^body(\/|$)/, '')
      .replace(/^fields\//, '');
    if (!(path in problems)) problems[path] = problem.message;
  }
  return problems;
}
