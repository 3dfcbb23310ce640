import type { TemplateFields } from '@plume/contract/media/template-fields';
import type { Card } from '../card.ts';
import type { PreparedImage } from '../images.ts';

/** A product photo with its name, description, price and a call to action. */
export function productCards(fields: TemplateFields['product'], photo: PreparedImage | undefined): Card[] {
  const pill = [fields.price, fields.cta].filter(Boolean).join(' · ');
  return [
    {
      heading: fields.name,
      ...(fields.description ? { body: fields.description } : {}),
      ...(pill ? { pill } : {}),
      ...(photo ? { photo: { image: photo, shape: 'rect' as const } } : {}),
    },
  ];
}
