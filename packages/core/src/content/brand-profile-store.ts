/**
 * A workspace's brand profile (and persona, for a character workspace), stored as one JSON row and
 * validated with the schemas in brand-profile.ts on the way in and out. Generation reads it through
 * `loadVoice`, which falls back to a neutral voice (and says so) when none is set yet.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@plume/db/client';
import { brandProfiles } from '@plume/db/schema/content';
import type { WorkspaceKind } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import {
  brandProfileSchema,
  languageTagSchema,
  personaSchema,
  type Persona,
  type VoiceProfile,
} from '@plume/contract/content/brand-profile';

export const storedProfileSchema = z.strictObject({
  brand: brandProfileSchema,
  persona: personaSchema.nullable().optional(),
});
export type StoredProfileInput = z.input<typeof storedProfileSchema>;

export type BrandProfileView = {
  kind: 'brand' | 'persona';
  brand: VoiceProfile['brand'];
  persona: Persona | null;
  updatedAt: Date;
};

type WorkspaceRef = { id: string; name: string; kind: WorkspaceKind; locale: string };

export async function getBrandProfile(
  db: Pick<Database, 'select'>,
  workspaceId: string,
): Promise<BrandProfileView | null> {
  const [row] = await db.select().from(brandProfiles).where(eq(brandProfiles.workspaceId, workspaceId));
  if (!row) return null;
  const parsed = storedProfileSchema.parse(row.profile);
  return { kind: row.kind, brand: parsed.brand, persona: parsed.persona ?? null, updatedAt: row.updatedAt };
}

/** Saves the profile (already validated by the caller's schema); a character workspace must have a persona. */
export async function putBrandProfile(
  db: Database,
  input: { workspace: WorkspaceRef; actor: AuditActor; profile: z.output<typeof storedProfileSchema> },
): Promise<BrandProfileView> {
  const { workspace, profile } = input;
  if (workspace.kind === 'character' && !profile.persona) {
    throw AppError.validation(
      'persona',
      'A character workspace speaks as a persona: describe it, with the disclosure that its posts are AI-assisted.',
    );
  }
  const kind = profile.persona ? 'persona' : 'brand';
  const stored = { brand: profile.brand, ...(profile.persona ? { persona: profile.persona } : {}) };
  const updatedBy = input.actor.type === 'user' ? input.actor.id : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(brandProfiles)
      .values({ workspaceId: workspace.id, kind, profile: stored, updatedBy })
      .onConflictDoUpdate({
        target: brandProfiles.workspaceId,
        set: { kind, profile: stored, updatedBy, updatedAt: new Date() },
      })
      .returning();
    if (!row) throw new Error('brand profile upsert returned no row');
    await recordAudit(tx, workspace.id, input.actor, 'brand_profile.updated', 'brand_profile', workspace.id, {
      kind,
      name: profile.brand.name,
    });
    return { kind, brand: profile.brand, persona: profile.persona ?? null, updatedAt: row.updatedAt };
  });
}

/** A plain voice for workspaces without a profile: clear, friendly, in the workspace's language. */
export function neutralVoice(workspace: Pick<WorkspaceRef, 'name' | 'locale'>): VoiceProfile {
  const language = languageTagSchema.safeParse(workspace.locale);
  const brand = brandProfileSchema.parse({
    name: workspace.name,
    industry: 'not specified',
    audience: 'a general audience',
    voice: { tone: ['clear', 'friendly'], formality: 0.5, emoji: 'some', person: 'first_plural' },
    language: language.success ? language.data : 'en',
  });
  return { brand };
}

export const NO_PROFILE_WARNING =
  'This workspace has no brand profile yet, so a neutral voice was used. Set one (PUT …/brand-profile) for posts in your own voice.';

/** The voice generation uses, and a warning when it is the neutral fallback. */
export async function loadVoice(
  db: Pick<Database, 'select'>,
  workspace: WorkspaceRef,
): Promise<{ voice: VoiceProfile; warnings: string[] }> {
  const profile = await getBrandProfile(db, workspace.id);
  if (!profile) return { voice: neutralVoice(workspace), warnings: [NO_PROFILE_WARNING] };
  return { voice: { brand: profile.brand, ...(profile.persona ? { persona: profile.persona } : {}) }, warnings: [] };
}
