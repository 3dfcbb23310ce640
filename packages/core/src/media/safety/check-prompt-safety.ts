/**
 * The product's safety rules, applied before any provider is called (docs/media.md, "Safety"):
 * - explicit or sexual prompts are refused (`422 content_refused` at the field);
 * - a prompt naming a real person is refused unless that person's consent is recorded on one of the
 *   workspace's character references (`consent_given_by`, with `depicts_real_person`).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { characterReferences } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';
import { findExplicitTerm } from '@plume/media/safety/detect-explicit';
import { findNamedPeople, normaliseName } from '@plume/media/safety/detect-likeness';

function refuse(path: string, message: string): AppError {
  return new AppError('content_refused', { detail: message, errors: [{ path, message }] });
}

/** Refuses explicit text at `path` (`body/prompt`, `body/appearance/extra`…). */
export function refuseExplicit(text: string | undefined, path: string): void {
  if (text === undefined || findExplicitTerm(text) === null) return;
  throw refuse(
    path,
    'Plume does not make sexual or explicit images, video or audio. Describe something else and try again.',
  );
}

/** People whose consent this workspace recorded on a character reference (normalised names). */
export async function consentedPeople(db: Database, workspaceId: string): Promise<Set<string>> {
  const rows = await db
    .select({ name: characterReferences.consentGivenBy })
    .from(characterReferences)
    .where(
      and(
        eq(characterReferences.workspaceId, workspaceId),
        eq(characterReferences.depictsRealPerson, true),
        isNotNull(characterReferences.consentRecordedAt),
      ),
    );
  return new Set(rows.flatMap((row) => (row.name === null ? [] : [normaliseName(row.name)])));
}

/** Refuses a prompt that names a real person without a recorded consent. */
export async function refuseLikenessWithoutConsent(
  db: Database,
  workspaceId: string,
  text: string | undefined,
  path: string,
): Promise<void> {
  if (text === undefined) return;
  const named = findNamedPeople(text);
  if (named.length === 0) return;
  const consented = await consentedPeople(db, workspaceId);
  const missing = named.filter((name) => !consented.has(normaliseName(name)));
  if (missing.length === 0) return;
  throw refuse(
    path,
    `This asks for the likeness of a real person (${missing.join(', ')}) without a recorded consent. ` +
      'Add a reference image of them to a character with their consent, or describe a person who is not real.',
  );
}

/** Both rules on one text. */
export async function checkPromptSafety(
  db: Database,
  workspaceId: string,
  text: string | undefined,
  path: string,
): Promise<void> {
  refuseExplicit(text, path);
  await refuseLikenessWithoutConsent(db, workspaceId, text, path);
}
