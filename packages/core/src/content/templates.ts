/**
 * Built-in content templates, one per content type (seed 000 §9.4: educational, promotional, review,
 * comparison, tutorial, testimonial, behind-the-scenes). A template is a prompt skeleton for the model,
 * not post text: it says what kind of post to write; the generation prompt adds voice and limits.
 */
import type { ContentType, PlaceholderName } from '@plume/contract/content/content-enums';

export interface ContentTemplate {
  contentType: ContentType;
  name: string;
  description: string;
  /** Lines with `{{placeholder}}`s. A line whose optional placeholder has no value is left out. */
  skeleton: string;
  /** Placeholders that must have a value; the others are optional. */
  required: readonly PlaceholderName[];
}

const common = 'Audience: {{audience}}\nKey points: {{key_points}}\nCall to action: {{cta}}';

export const BUILT_IN_TEMPLATES: Readonly<Record<ContentType, ContentTemplate>> = {
  educational: {
    contentType: 'educational',
    name: 'Educational',
    description: 'Teaches something useful first; the brand stays in the background.',
    skeleton: `Write an educational post about {{topic}} that gives real value before anything else.\nOne clear takeaway the reader can use today.\n${common}`,
    required: ['topic'],
  },
  promotional: {
    contentType: 'promotional',
    name: 'Promotional',
    description: 'Presents an offer or product directly, with a clear call to action.',
    skeleton: `Write a promotional post for {{product}} by {{brand}}.\nLead with the benefit for the reader, then the offer.\nAudience: {{audience}}\nKey points: {{key_points}}\nCall to action (required, make it clear): {{cta}}`,
    required: ['product', 'cta'],
  },
  review: {
    contentType: 'review',
    name: 'Review',
    description: 'An honest review of a product with its pros and cons.',
    skeleton: `Write an honest review of {{product}}.\nName at least one strength and one weakness; no exaggerated claims.\n${common}`,
    required: ['product'],
  },
  comparison: {
    contentType: 'comparison',
    name: 'Comparison',
    description: 'Compares a product with an alternative, fairly and factually.',
    skeleton: `Compare {{product}} with {{competitor}} fairly.\nSay who each one suits best; state only verifiable facts.\n${common}`,
    required: ['product', 'competitor'],
  },
  tutorial: {
    contentType: 'tutorial',
    name: 'Tutorial',
    description: 'A short how-to, in steps, often featuring a product.',
    skeleton: `Write a short how-to on {{topic}}.\nUse numbered steps; each step one action.\nProduct featured: {{product}}\n${common}`,
    required: ['topic'],
  },
  testimonial: {
    contentType: 'testimonial',
    name: 'Testimonial',
    description: 'A customer’s success story, told with their permission.',
    skeleton: `Tell the success story of {{customer}} with {{product}}.\nStart with their problem, then what changed; quote only what they said.\n${common}`,
    required: ['customer'],
  },
  behind_the_scenes: {
    contentType: 'behind_the_scenes',
    name: 'Behind the scenes',
    description: 'A candid look at how the brand works or how a product is used.',
    skeleton: `Write a behind-the-scenes post about {{topic}} at {{brand}}.\nOne concrete detail people would not see otherwise.\n${common}`,
    required: ['topic'],
  },
};
