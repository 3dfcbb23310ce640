import type { TemplateFields } from '@plume/contract/media/template-fields';
import type { Card } from '../card.ts';

/** A tip: "Tip 3" above its title, the advice below. */
export function tipCards(fields: TemplateFields['tip']): Card[] {
  return [
    { eyebrow: fields.number === undefined ? 'Tip' : `Tip ${fields.number}`, heading: fields.title, body: fields.tip },
  ];
}
