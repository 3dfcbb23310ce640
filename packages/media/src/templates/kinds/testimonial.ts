import type { TemplateFields } from '@plume/contract/media/template-fields';
import type { Card } from '../card.ts';
import type { PreparedImage } from '../images.ts';

/** A customer's words with their name, role, stars and a round photo. */
export function testimonialCards(fields: TemplateFields['testimonial'], photo: PreparedImage | undefined): Card[] {
  return [
    {
      heading: fields.quote,
      isQuote: true,
      lines: [fields.name, ...(fields.role ? [fields.role] : [])],
      ...(fields.rating === undefined ? {} : { stars: fields.rating }),
      ...(photo ? { photo: { image: photo, shape: 'circle' as const } } : {}),
    },
  ];
}
