import { describe, expect, it } from 'vitest';
import { TEMPLATE_DEFINITIONS, templateFieldSchemas } from '@plume/contract/media/template-fields';
import { ApiError } from '../../../lib/api.ts';
import {
  addSlide,
  emptyValues,
  formProblems,
  fromApiFields,
  missingRequired,
  moveSlide,
  newSlide,
  removeSlide,
  toApiFields,
} from './design-form.ts';

function definition(id: string) {
  const found = TEMPLATE_DEFINITIONS.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no template ${id}`);
  return found;
}

describe('design-form', () => {
  it('sends trimmed text and leaves out empty optional fields', () => {
    const quote = definition('quote');
    const fields = toApiFields(quote, { ...emptyValues(quote), quote: '  Less, but better. ', author: ' ' });
    expect(fields).toEqual({ quote: 'Less, but better.' });
    expect(templateFieldSchemas.quote.safeParse(fields).success).toBe(true);
  });

  it('sends numbers as numbers, leaves out a number that is not one, and sends true checkboxes only', () => {
    const tip = definition('tip');
    expect(toApiFields(tip, { title: 'T', tip: 'x', number: '3' })).toEqual({ title: 'T', tip: 'x', number: 3 });
    expect(toApiFields(tip, { title: 'T', tip: 'x', number: 'e' })).toEqual({ title: 'T', tip: 'x' });
    const carousel = definition('carousel');
    expect(toApiFields(carousel, { slides: [newSlide('A')], showNumbers: false })).toEqual({
      slides: [{ title: 'A' }],
    });
  });

  it('maps carousel slides both ways, without the keys', () => {
    const carousel = definition('carousel');
    const form = fromApiFields(carousel, {
      slides: [{ title: 'One', body: 'First' }, { title: 'Two' }],
      showNumbers: true,
    });
    const fields = toApiFields(carousel, form);
    expect(fields).toEqual({ slides: [{ title: 'One', body: 'First' }, { title: 'Two' }], showNumbers: true });
    expect(templateFieldSchemas.carousel.safeParse(fields).success).toBe(true);
  });

  it('opens a design with missing or odd values as an editable form', () => {
    const carousel = definition('carousel');
    const form = fromApiFields(carousel, {});
    expect(Array.isArray(form['slides']) && form['slides']).toHaveLength(1);
    const tip = fromApiFields(definition('tip'), { title: 'T', number: 4, extra: 'dropped' });
    expect(tip).toEqual({ title: 'T', tip: '', number: '4' });
  });

  it('names the required fields still empty', () => {
    const event = definition('event');
    expect(missingRequired(event, { ...emptyValues(event), title: 'Launch' })).toEqual(['When']);
    expect(missingRequired(definition('carousel'), { slides: [newSlide(' ')] })).toEqual(['Slides']);
  });

  it('adds slides up to the maximum, keeps the last one, moves within the ends', () => {
    const slides = [newSlide('a'), newSlide('b'), newSlide('c')];
    expect(addSlide(slides, 3)).toHaveLength(3);
    expect(addSlide(slides, 10)).toHaveLength(4);
    expect(removeSlide(slides, 1).map((slide) => slide.title)).toEqual(['a', 'c']);
    expect(removeSlide([slides[0] ?? newSlide()], 0)).toHaveLength(1);
    expect(moveSlide(slides, 0, 1).map((slide) => slide.title)).toEqual(['b', 'a', 'c']);
    expect(moveSlide(slides, 2, -1).map((slide) => slide.title)).toEqual(['a', 'c', 'b']);
    expect(moveSlide(slides, 0, -1).map((slide) => slide.title)).toEqual(['a', 'b', 'c']);
    expect(moveSlide(slides, 2, 1).map((slide) => slide.title)).toEqual(['a', 'b', 'c']);
  });

  it('puts the API problems at their form fields', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      detail: 'Invalid',
      errors: [
        { path: 'body/fields/slides/1/title', message: 'Write something here.' },
        { path: 'body.fields.quote', message: 'Too long' },
        { path: 'body/name', message: 'Name it' },
      ],
    });
    expect(formProblems(error)).toEqual({
      'slides/1/title': 'Write something here.',
      quote: 'Too long',
      name: 'Name it',
    });
    expect(formProblems(new Error('x'))).toEqual({});
  });
});
