/** Which cards each template makes from its (already checked) fields. */
import type { TemplateId } from '@plume/contract/media/media-enums';
import type { TemplateFields } from '@plume/contract/media/template-fields';
import type { Card } from './card.ts';
import type { PreparedImage } from './images.ts';
import { announcementCards } from './kinds/announcement.ts';
import { carouselCards } from './kinds/carousel.ts';
import { eventCards } from './kinds/event.ts';
import { productCards } from './kinds/product.ts';
import { quoteCards } from './kinds/quote.ts';
import { testimonialCards } from './kinds/testimonial.ts';
import { tipCards } from './kinds/tip.ts';

export type TemplateImages = { photo?: PreparedImage };

export type TemplateCardsInput = { [Id in TemplateId]: { templateId: Id; fields: TemplateFields[Id] } }[TemplateId];

export function templateCards(input: TemplateCardsInput, images: TemplateImages): Card[] {
  switch (input.templateId) {
    case 'quote':
      return quoteCards(input.fields);
    case 'tip':
      return tipCards(input.fields);
    case 'carousel':
      return carouselCards(input.fields);
    case 'announcement':
      return announcementCards(input.fields);
    case 'product':
      return productCards(input.fields, images.photo);
    case 'testimonial':
      return testimonialCards(input.fields, images.photo);
    case 'event':
      return eventCards(input.fields);
  }
}

/** The field holding a template's image (a vault media id), if it has one. */
export const IMAGE_FIELD: Partial<Record<TemplateId, 'imageMediaId' | 'photoMediaId'>> = {
  product: 'imageMediaId',
  testimonial: 'photoMediaId',
};
