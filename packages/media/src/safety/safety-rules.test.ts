import { describe, expect, it } from 'vitest';
import { findExplicitTerm } from './detect-explicit.ts';
import { findNamedPeople } from './detect-likeness.ts';

describe('findExplicitTerm', () => {
  it.each([
    'a nude portrait on the beach',
    'NSFW anime girl',
    'a pornographic scene',
    'two people having sex',
    'p0rn star',
    'n u d e model',
    'n.u.d.e model',
    's*e*x scene',
    'nuuuude woman',
    '$ex tape',
    'a woman without clothes',
    'Tópless sunbathing',
    'hentai style',
  ])('refuses %j', (prompt) => {
    expect(findExplicitTerm(prompt)).not.toBeNull();
  });

  it.each([
    'a cosy coffee shop in Sussex at sunset',
    'Essex countryside, watercolor',
    'a bakery window with croissants',
    'a red dress on a mannequin',
    'the sextant of an old ship',
    'a nudibranch in a coral reef',
    'team photo for our 10 year anniversary',
    'an expert explaining a chart',
  ])('lets %j through', (prompt) => {
    expect(findExplicitTerm(prompt)).toBeNull();
  });
});

describe('findNamedPeople', () => {
  it.each([
    ['A photo of Jane Doe at the beach', ['Jane Doe']],
    ['portrait of Marie-Claire Dubois, oil painting', ['Marie-Claire Dubois']],
    ['a man in the likeness of Keanu Reeves riding a bike', ['Keanu Reeves']],
    ['a barista who looks like Einstein', ['Einstein']],
    ['a singer resembling Freddie Mercury on stage', ['Freddie Mercury']],
    ["Jane Doe's face on a billboard", ['Jane Doe']],
    ['taylor swift holding our new mug', ['taylor swift']],
    ['Photo of Barack Obama and Taylor Swift', ['Barack Obama', 'taylor swift']],
  ])('finds the person in %j', (prompt, names) => {
    expect(findNamedPeople(prompt).map((name) => name.toLowerCase())).toEqual(names.map((name) => name.toLowerCase()));
  });

  it.each([
    'a photo of New York City at night',
    'picture of Golden Gate Bridge in fog',
    'a photo of our team at the office',
    'a dog that looks like a small bear',
    'a cake that looks like the Eiffel Tower',
    'photo of a woman with red hair drinking coffee',
    'portrait of Paris in spring',
  ])('finds nobody in %j', (prompt) => {
    expect(findNamedPeople(prompt)).toEqual([]);
  });
});
