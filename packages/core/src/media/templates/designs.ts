/** Saved template designs: a template, its fields and shape, and brand overrides, per workspace. */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { mediaDesigns } from '@plume/db/schema/media';
import type { BrandOverrides } from '@plume/contract/media/brand-kit-schemas';
import type { AspectRatio, TemplateId } from '@plume/contract/media/media-enums';
import { AppError } from '@plume/errors/app-error';
import { checkBrandOverrides } from './brand-kit.ts';
import { checkTemplateFields } from './template-fields-check.ts';

export type DesignView = {
  id: string;
  name: string;
  templateId: TemplateId;
  aspectRatio: AspectRatio;
  fields: Record<string, unknown>;
  brand: BrandOverrides | null;
  renderedMediaIds: string[];
  createdAt: string;
  updatedAt: string;
};

/** The `fields` column holds `{ fields, brand }`: the template's fields and the design's brand overrides. */
type StoredFields = { fields: Record<string, unknown>; brand: BrandOverrides | null };

export function toDesignView(row: typeof mediaDesigns.$inferSelect): DesignView {
  const stored = row.fields as StoredFields;
  return {
    id: row.id,
    name: row.name,
    templateId: row.templateId,
    aspectRatio: row.aspectRatio,
    fields: stored.fields,
    brand: stored.brand,
    renderedMediaIds: row.renderedMediaIds,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findDesign(db: Database, workspaceId: string, designId: string): Promise<DesignView> {
  const [row] = await db
    .select()
    .from(mediaDesigns)
    .where(and(eq(mediaDesigns.workspaceId, workspaceId), eq(mediaDesigns.id, designId)));
  if (row === undefined) throw AppError.notFound('design');
  return toDesignView(row);
}

export async function listDesigns(db: Database, workspaceId: string): Promise<DesignView[]> {
  const rows = await db
    .select()
    .from(mediaDesigns)
    .where(eq(mediaDesigns.workspaceId, workspaceId))
    .orderBy(desc(mediaDesigns.updatedAt))
    .limit(500);
  return rows.map(toDesignView);
}

export type CreateDesignInput = {
  name: string;
  templateId: TemplateId;
  aspectRatio: AspectRatio;
  fields: Record<string, unknown>;
  brand?: BrandOverrides | undefined;
};

export async function createDesign(
  db: Database,
  workspaceId: string,
  userId: string | null,
  input: CreateDesignInput,
): Promise<DesignView> {
  const fields = checkTemplateFields(input.templateId, input.fields) as Record<string, unknown>;
  if (input.brand !== undefined) await checkBrandOverrides(db, workspaceId, input.brand, 'body/brand');
  const stored: StoredFields = { fields, brand: input.brand ?? null };
  const [row] = await db
    .insert(mediaDesigns)
    .values({
      workspaceId,
      name: input.name,
      templateId: input.templateId,
      aspectRatio: input.aspectRatio,
      fields: stored,
      createdBy: userId,
    })
    .returning();
  if (row === undefined) throw new Error('design insert returned no row');
  return toDesignView(row);
}

export type UpdateDesignInput = {
  name?: string | undefined;
  aspectRatio?: AspectRatio | undefined;
  fields?: Record<string, unknown> | undefined;
  brand?: BrandOverrides | null | undefined;
};

export async function updateDesign(
  db: Database,
  workspaceId: string,
  designId: string,
  input: UpdateDesignInput,
): Promise<DesignView> {
  const current = await findDesign(db, workspaceId, designId);
  const fields =
    input.fields === undefined
      ? current.fields
      : (checkTemplateFields(current.templateId, input.fields) as Record<string, unknown>);
  if (input.brand) await checkBrandOverrides(db, workspaceId, input.brand, 'body/brand');
  const brand = input.brand === undefined ? current.brand : input.brand;
  const [row] = await db
    .update(mediaDesigns)
    .set({
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.aspectRatio === undefined ? {} : { aspectRatio: input.aspectRatio }),
      fields: { fields, brand } satisfies StoredFields,
      updatedAt: new Date(),
    })
    .where(and(eq(mediaDesigns.workspaceId, workspaceId), eq(mediaDesigns.id, designId)))
    .returning();
  if (row === undefined) throw AppError.notFound('design');
  return toDesignView(row);
}

export async function deleteDesign(db: Database, workspaceId: string, designId: string): Promise<void> {
  const deleted = await db
    .delete(mediaDesigns)
    .where(and(eq(mediaDesigns.workspaceId, workspaceId), eq(mediaDesigns.id, designId)))
    .returning({ id: mediaDesigns.id });
  if (deleted.length === 0) throw AppError.notFound('design');
}

export async function setRenderedMedia(
  db: Database,
  workspaceId: string,
  designId: string,
  mediaIds: string[],
): Promise<DesignView> {
  const [row] = await db
    .update(mediaDesigns)
    .set({ renderedMediaIds: mediaIds })
    .where(and(eq(mediaDesigns.workspaceId, workspaceId), eq(mediaDesigns.id, designId)))
    .returning();
  if (row === undefined) throw AppError.notFound('design');
  return toDesignView(row);
}
