import { describe, expect, it } from 'vitest';
import {
  characterDraftOf,
  characterRequest,
  checkCharacterDraft,
  emptyCharacterDraft,
  searchCharacters,
} from './character-draft.ts';
import type { Character } from '@plume/contract/media/character-schemas';

const saved: Character = {
  id: 'c1',
  name: 'Mia',
  description: 'Our barista',
  appearance: { hair: 'red bob', eyes: 'green' },
  style: 'illustration',
  seed: 1234,
  referenceStrength: 0.8,
  voice: { voice: 'nova' },
  previewMediaId: null,
  references: [],
  variations: [],
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
};

describe('the character form', () => {
  it('needs a name, a whole-number seed and a strength from 0 to 1', () => {
    const draft = emptyCharacterDraft();
    expect(checkCharacterDraft(draft).name).toBeDefined();
    expect(checkCharacterDraft({ ...draft, name: 'Mia', seed: 'abc' }).seed).toBeDefined();
    expect(checkCharacterDraft({ ...draft, name: 'Mia', referenceStrength: '1.5' }).referenceStrength).toBeDefined();
    expect(checkCharacterDraft({ ...draft, name: 'Mia', referenceStrength: '' }).referenceStrength).toBeDefined();
    expect(checkCharacterDraft({ ...draft, name: 'Mia', seed: '9', referenceStrength: '0' })).toEqual({});
  });

  it('round-trips a saved character and sends only the filled-in look', () => {
    const body = characterRequest(characterDraftOf(saved));
    expect(body).toEqual({
      name: 'Mia',
      description: 'Our barista',
      appearance: { hair: 'red bob', eyes: 'green' },
      style: 'illustration',
      seed: 1234,
      referenceStrength: 0.8,
      voice: { voice: 'nova' },
    });
    expect(characterRequest({ ...emptyCharacterDraft(), name: 'Z' })).toMatchObject({
      style: null,
      voice: null,
    });
    expect(characterRequest({ ...emptyCharacterDraft(), name: 'Z' })).not.toHaveProperty('seed');
  });

  it('finds characters by every word of the search, any case', () => {
    const items = [{ name: 'Mia the Barista' }, { name: 'Max' }, { name: 'Barista Bot' }];
    expect(searchCharacters(items, 'barista')).toHaveLength(2);
    expect(searchCharacters(items, 'MIA barista')).toEqual([{ name: 'Mia the Barista' }]);
    expect(searchCharacters(items, '  ')).toHaveLength(3);
  });
});
