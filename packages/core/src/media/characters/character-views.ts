/** A character as the API shows it: its look, voice, reference images with their consent, variations. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { characterReferences, characters, characterVariations } from '@plume/db/schema/media';
import type { CharacterAppearance, CharacterVoice } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';

type CharacterRow = typeof characters.$inferSelect;
type ReferenceRow = typeof characterReferences.$inferSelect;
type VariationRow = typeof characterVariations.$inferSelect;

export type CharacterReferenceView = {
  id: string;
  mediaId: string;
  depictsRealPerson: boolean;
  consentGivenBy: string | null;
  consentStatement: string | null;
  consentRecordedBy: string | null;
  consentRecordedAt: Date | null;
  createdAt: Date;
};

export type CharacterVariationView = {
  id: string;
  name: string;
  appearance: CharacterAppearance;
  style: string | null;
  previewMediaId: string | null;
  createdAt: Date;
};

export type CharacterView = {
  id: string;
  name: string;
  description: string;
  appearance: CharacterAppearance;
  style: string | null;
  seed: number | null;
  referenceStrength: number;
  voice: CharacterVoice | null;
  previewMediaId: string | null;
  references: CharacterReferenceView[];
  variations: CharacterVariationView[];
  createdAt: Date;
  updatedAt: Date;
};

export function toReferenceView(row: ReferenceRow): CharacterReferenceView {
  return {
    id: row.id,
    mediaId: row.mediaId,
    depictsRealPerson: row.depictsRealPerson,
    consentGivenBy: row.consentGivenBy,
    consentStatement: row.consentStatement,
    consentRecordedBy: row.consentRecordedBy,
    consentRecordedAt: row.consentRecordedAt,
    createdAt: row.createdAt,
  };
}

export function toVariationView(row: VariationRow): CharacterVariationView {
  return {
    id: row.id,
    name: row.name,
    appearance: row.appearance,
    style: row.style,
    previewMediaId: row.previewMediaId,
    createdAt: row.createdAt,
  };
}

function toView(row: CharacterRow, references: ReferenceRow[], variations: VariationRow[]): CharacterView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    appearance: row.appearance,
    style: row.style,
    seed: row.seed,
    referenceStrength: row.referenceStrength,
    voice: row.voice,
    previewMediaId: row.previewMediaId,
    references: references.filter((item) => item.characterId === row.id).map(toReferenceView),
    variations: variations.filter((item) => item.characterId === row.id).map(toVariationView),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Views of the given rows with their references and variations (two more queries, whatever the count). */
export async function characterViews(db: Database, rows: CharacterRow[]): Promise<CharacterView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [references, variations] = await Promise.all([
    db
      .select()
      .from(characterReferences)
      .where(inArray(characterReferences.characterId, ids))
      .orderBy(asc(characterReferences.createdAt)),
    db
      .select()
      .from(characterVariations)
      .where(inArray(characterVariations.characterId, ids))
      .orderBy(asc(characterVariations.createdAt)),
  ]);
  return rows.map((row) => toView(row, references, variations));
}

/** The workspace's character row, or 404 (another workspace's characters do not exist for it). */
export async function findCharacterRow(db: Database, workspaceId: string, characterId: string): Promise<CharacterRow> {
  const [row] = await db
    .select()
    .from(characters)
    .where(and(eq(characters.workspaceId, workspaceId), eq(characters.id, characterId)));
  if (row === undefined) throw AppError.notFound('character');
  return row;
}

export async function readCharacter(db: Database, workspaceId: string, characterId: string): Promise<CharacterView> {
  const [view] = await characterViews(db, [await findCharacterRow(db, workspaceId, characterId)]);
  if (view === undefined) throw AppError.notFound('character');
  return view;
}
