/**
 * The branded templates' fields: one zod schema per template, shared by the server (which checks a
 * design or a preview against it) and the web editor (which builds its form from `TEMPLATE_DEFINITIONS`
 * and validates with the same schema). Every text has a maximum length so a preview's cost is bounded.
 */
import { z } from 'zod';
import { ASPECT_RATIOS, ASPECT_SIZES, type AspectRatio, type TemplateId } from './media-enums.ts';

/** Most slides one carousel renders (each slide is one PNG, one vault item). */
export const MAX_CAROUSEL_SLIDES = 10;

const LIMITS = { title: 120, body: 400, short: 80, cta: 40 } as const;

const text = (max: number) => z.string().trim().min(1, 'Write something here.').max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
/** A vault item's id: the image (a product photo, a person's photo) is read from the vault at render time. */
const imageId = z.uuid('Pick an image from the media library.');

export const quoteFields = z.strictObject({
  quote: text(LIMITS.body),
  author: optionalText(LIMITS.short),
  role: optionalText(LIMITS.short),
});

export const tipFields = z.strictObject({
  title: text(LIMITS.title),
  tip: text(LIMITS.body),
  number: z.number().int().min(1).max(99).optional(),
});

export const carouselSlide = z.strictObject({ title: text(LIMITS.title), body: optionalText(LIMITS.body) });

export const carouselFields = z.strictObject({
  slides: z
    .array(carouselSlide)
    .min(1, 'Add at least one slide.')
    .max(MAX_CAROUSEL_SLIDES, `A carousel has at most ${MAX_CAROUSEL_SLIDES} slides.`),
  showNumbers: z.boolean().optional(),
});

export const announcementFields = z.strictObject({
  headline: text(LIMITS.title),
  body: optionalText(LIMITS.body),
  cta: optionalText(LIMITS.cta),
});

export const productFields = z.strictObject({
  name: text(LIMITS.short),
  description: optionalText(300),
  price: optionalText(30),
  imageMediaId: imageId,
  cta: optionalText(LIMITS.cta),
});

export const testimonialFields = z.strictObject({
  quote: text(LIMITS.body),
  name: text(LIMITS.short),
  role: optionalText(LIMITS.short),
  rating: z.number().int().min(1).max(5).optional(),
  photoMediaId: imageId.optional(),
});

/** `when` is the words the poster shows ("Sat 14 March, doors 7 pm"), written by the person, as on any flyer. */
export const eventFields = z.strictObject({
  title: text(LIMITS.title),
  when: text(LIMITS.short),
  where: optionalText(LIMITS.title),
  details: optionalText(300),
  cta: optionalText(LIMITS.cta),
});

export const templateFieldSchemas = {
  quote: quoteFields,
  tip: tipFields,
  carousel: carouselFields,
  announcement: announcementFields,
  product: productFields,
  testimonial: testimonialFields,
  event: eventFields,
} as const satisfies Record<TemplateId, z.ZodType>;

export type TemplateFields = { [Id in TemplateId]: z.infer<(typeof templateFieldSchemas)[Id]> };
export type QuoteFields = TemplateFields['quote'];
export type CarouselFields = TemplateFields['carousel'];

/** How the editor shows a field. `slides` is the carousel's list of `{ title, body }`. */
export const TEMPLATE_FIELD_KINDS = ['text', 'longText', 'number', 'boolean', 'image', 'slides'] as const;
export type TemplateFieldKind = (typeof TEMPLATE_FIELD_KINDS)[number];

export type TemplateFieldInfo = {
  name: string;
  label: string;
  kind: TemplateFieldKind;
  required: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
};

export type TemplateDefinition = {
  id: TemplateId;
  name: string;
  description: string;
  fields: TemplateFieldInfo[];
  /** Images each render makes: one, or one per slide for a carousel. */
  multiSlide: boolean;
};

const field = (
  name: string,
  label: string,
  kind: TemplateFieldKind,
  extra: Partial<Omit<TemplateFieldInfo, 'name' | 'label' | 'kind'>> = {},
): TemplateFieldInfo => ({ name, label, kind, required: false, ...extra });

const required = { required: true } as const;

export const TEMPLATE_DEFINITIONS: readonly TemplateDefinition[] = [
  {
    id: 'quote',
    name: 'Quote card',
    description: 'A quotation in large type, with who said it.',
    multiSlide: false,
    fields: [
      field('quote', 'Quote', 'longText', { ...required, maxLength: LIMITS.body }),
      field('author', 'Author', 'text', { maxLength: LIMITS.short }),
      field('role', 'Author’s role', 'text', { maxLength: LIMITS.short }),
    ],
  },
  {
    id: 'tip',
    name: 'Tip',
    description: 'A numbered tip or how-to with a short title.',
    multiSlide: false,
    fields: [
      field('title', 'Title', 'text', { ...required, maxLength: LIMITS.title }),
      field('tip', 'Tip', 'longText', { ...required, maxLength: LIMITS.body }),
      field('number', 'Number', 'number', { min: 1, max: 99 }),
    ],
  },
  {
    id: 'carousel',
    name: 'Carousel',
    description: `Up to ${MAX_CAROUSEL_SLIDES} slides, one image each: a multi-image post.`,
    multiSlide: true,
    fields: [
      field('slides', 'Slides', 'slides', { ...required, min: 1, max: MAX_CAROUSEL_SLIDES }),
      field('showNumbers', 'Show slide numbers', 'boolean'),
    ],
  },
  {
    id: 'announcement',
    name: 'Announcement',
    description: 'News in a headline, a few words and a call to action.',
    multiSlide: false,
    fields: [
      field('headline', 'Headline', 'text', { ...required, maxLength: LIMITS.title }),
      field('body', 'Text', 'longText', { maxLength: LIMITS.body }),
      field('cta', 'Call to action', 'text', { maxLength: LIMITS.cta }),
    ],
  },
  {
    id: 'product',
    name: 'Product spotlight',
    description: 'A product photo with its name, description and price.',
    multiSlide: false,
    fields: [
      field('name', 'Product name', 'text', { ...required, maxLength: LIMITS.short }),
      field('description', 'Description', 'longText', { maxLength: 300 }),
      field('price', 'Price', 'text', { maxLength: 30 }),
      field('imageMediaId', 'Product photo', 'image', required),
      field('cta', 'Call to action', 'text', { maxLength: LIMITS.cta }),
    ],
  },
  {
    id: 'testimonial',
    name: 'Testimonial',
    description: 'A customer’s words, name, rating and photo.',
    multiSlide: false,
    fields: [
      field('quote', 'What they said', 'longText', { ...required, maxLength: LIMITS.body }),
      field('name', 'Name', 'text', { ...required, maxLength: LIMITS.short }),
      field('role', 'Role or company', 'text', { maxLength: LIMITS.short }),
      field('rating', 'Stars', 'number', { min: 1, max: 5 }),
      field('photoMediaId', 'Photo', 'image'),
    ],
  },
  {
    id: 'event',
    name: 'Event',
    description: 'An event’s title, when and where, and how to join.',
    multiSlide: false,
    fields: [
      field('title', 'Event', 'text', { ...required, maxLength: LIMITS.title }),
      field('when', 'When', 'text', { ...required, maxLength: LIMITS.short }),
      field('where', 'Where', 'text', { maxLength: LIMITS.title }),
      field('details', 'Details', 'longText', { maxLength: 300 }),
      field('cta', 'Call to action', 'text', { maxLength: LIMITS.cta }),
    ],
  },
];

/** Every shape a template renders at, with its pixel size. */
export const TEMPLATE_SHAPES: ReadonlyArray<{
  aspectRatio: AspectRatio;
  width: number;
  height: number;
  label: string;
}> = ASPECT_RATIOS.map((aspectRatio) => ({ aspectRatio, ...ASPECT_SIZES[aspectRatio] }));
