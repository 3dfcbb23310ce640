import type { TemplateFields } from '@plume/contract/media/template-fields';
import type { Card } from '../card.ts';

/** A quotation in large type and who said it. */
export function quoteCards(fields: TemplateFields['quote']): Card[] {
  const lines = [fields.author, fields.role].filter((line): line is string => Boolean(line));
  return [{ heading: fields.quote, isQuote: true, lines }];
}
