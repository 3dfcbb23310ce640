import { SelectField } from '../../../components/select-field.tsx';
import type { Character } from '@plume/contract/media/character-schemas';

interface CharacterPickerProps {
  characters: readonly Character[];
  characterId: string;
  variationId: string;
  onChange: (change: { characterId: string; variationId: string }) => void;
}

/** Which character the result shows (its look and seed go with the request), and which of its variations. */
export function CharacterPicker({ characters, characterId, variationId, onChange }: CharacterPickerProps) {
  const chosen = characters.find((character) => character.id === characterId);
  const variations = chosen?.variations ?? [];
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label="Character"
        value={characterId}
        hint={characters.length === 0 ? 'Create one on the Characters tab to keep a face the same.' : undefined}
        options={[
          { value: '', label: 'No character' },
          ...characters.map((character) => ({ value: character.id, label: character.name })),
        ]}
        onChange={(e) => onChange({ characterId: e.target.value, variationId: '' })}
      />
      {variations.length > 0 ? (
        <SelectField
          label="Variation"
          value={variationId}
          options={[
            { value: '', label: 'The main look' },
            ...variations.map((variation) => ({ value: variation.id, label: variation.name })),
          ]}
          onChange={(e) => onChange({ characterId, variationId: e.target.value })}
        />
      ) : null}
    </div>
  );
}
