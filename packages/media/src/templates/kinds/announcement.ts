import type { TemplateFields } from '@plume/contract/media/template-fields';
import type { Card } from '../card.ts';

/** News: a headline, a few words and a call to action. */
export function announcementCards(fields: TemplateFields['announcement']): Card[] {
  return [
    {
      eyebrow: 'Announcement',
      heading: fields.headline,
      ...(fields.body ? { body: fields.body } : {}),
      ...(fields.cta ? { pill: fields.cta } : {}),
    },
  ];
}
