import type { TemplateFields } from '@plume/contract/media/template-fields';
import type { Card } from '../card.ts';

/** One card per slide, in order; "2 / 5" in the corner when numbers are on. */
export function carouselCards(fields: TemplateFields['carousel']): Card[] {
  const count = fields.slides.length;
  return fields.slides.map((slide, index) => ({
    heading: slide.title,
    ...(slide.body ? { body: slide.body } : {}),
    ...(fields.showNumbers === false ? {} : { footer: `${index + 1} / ${count}` }),
  }));
}
