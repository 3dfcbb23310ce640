import type { TemplateFields } from '@plume/contract/media/template-fields';
import type { Card } from '../card.ts';

/** An event: its title, when and where, the details and how to join. */
export function eventCards(fields: TemplateFields['event']): Card[] {
  return [
    {
      eyebrow: 'Event',
      heading: fields.title,
      lines: [fields.when, ...(fields.where ? [fields.where] : [])],
      ...(fields.details ? { body: fields.details } : {}),
      ...(fields.cta ? { pill: fields.cta } : {}),
    },
  ];
}
