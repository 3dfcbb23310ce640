/**
 * Fonts a workspace uploads for its brand kit. The bytes decide the format (TrueType 00010000 or
 * 'true', OpenType 'OTTO', WOFF 'wOFF'); WOFF2 and anything else are refused at `file`, and the font
 * must draw text in the renderer before it is kept.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, count } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { brandFonts } from '@plume/db/schema/media';
import { MAX_BRAND_FONTS, MAX_FONT_BYTES } from '@plume/contract/media/brand-kit-schemas';
import { canDrawWithFont, type UploadedFont } from '@plume/media/templates/fonts';
import { AppError } from '@plume/errors/app-error';
import type { MediaStore } from '../media-store.ts';

export type BrandFontView = {
  id: string;
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  fileName: string;
  bytes: number;
  createdAt: string;
};

export function fontFormatOf(bytes: Uint8Array): 'ttf' | 'otf' | 'woff' | 'woff2' | undefined {
  const head = Buffer.from(bytes.subarray(0, 4));
  if (head.equals(Buffer.from([0, 1, 0, 0])) || head.toString('latin1') === 'true') return 'ttf';
  if (head.toString('latin1') === 'OTTO') return 'otf';
  if (head.toString('latin1') === 'wOFF') return 'woff';
  if (head.toString('latin1') === 'wOF2') return 'woff2';
  return undefined;
}

function toView(row: typeof brandFonts.$inferSelect): BrandFontView {
  const { id, family, weight, style, fileName, bytes, createdAt } = row;
  return { id, family, weight, style, fileName, bytes, createdAt: createdAt.toISOString() };
}

export async function listBrandFonts(db: Database, workspaceId: string): Promise<BrandFontView[]> {
  const rows = await db
    .select()
    .from(brandFonts)
    .where(eq(brandFonts.workspaceId, workspaceId))
    .orderBy(asc(brandFonts.family), asc(brandFonts.weight));
  return rows.map(toView);
}

export async function listFontFamilies(db: Database, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ family: brandFonts.family })
    .from(brandFonts)
    .where(eq(brandFonts.workspaceId, workspaceId));
  return rows.map((row) => row.family).sort();
}

export type FontUpload = {
  workspaceId: string;
  fileName: string;
  bytes: Uint8Array;
  family: string;
  weight: number;
  style: 'normal' | 'italic';
};

function checkFont(input: FontUpload): void {
  if (input.bytes.length === 0) throw AppError.validation('body/file', 'The file is empty.');
  if (input.bytes.length > MAX_FONT_BYTES)
    throw AppError.validation('body/file', `A font file is at most ${MAX_FONT_BYTES / 1024 / 1024} MB.`);
  const format = fontFormatOf(input.bytes);
  if (format === 'woff2')
    throw AppError.validation(
      'body/file',
      'WOFF2 fonts cannot be used: upload the TTF, OTF or WOFF file of this font.',
    );
  if (format === undefined) throw AppError.validation('body/file', 'Upload a font file: TTF, OTF or WOFF.');
}

export async function uploadBrandFont(
  deps: { db: Database; media: MediaStore },
  input: FontUpload,
): Promise<BrandFontView> {
  checkFont(input);
  const font: UploadedFont = { family: input.family, weight: input.weight, style: input.style, data: input.bytes };
  if (!(await canDrawWithFont(font)))
    throw AppError.validation('body/file', 'This font file could not be read: try the TTF or OTF version.');
  const [existing] = await deps.db
    .select({ total: count() })
    .from(brandFonts)
    .where(eq(brandFonts.workspaceId, input.workspaceId));
  if ((existing?.total ?? 0) >= MAX_BRAND_FONTS)
    throw AppError.conflict(`A workspace keeps at most ${MAX_BRAND_FONTS} fonts: delete one first.`);
  const id = randomUUID();
  const storageKey = `${input.workspaceId.replace(/[^\w-]/g, '_')}/fonts/${id}`;
  await deps.media.put(storageKey, input.bytes);
  const [row] = await deps.db
    .insert(brandFonts)
    .values({
      id,
      workspaceId: input.workspaceId,
      family: input.family,
      weight: input.weight,
      style: input.style,
      fileName: input.fileName.slice(0, 200) || 'font',
      storageKey,
      bytes: input.bytes.length,
    })
    .onConflictDoNothing()
    .returning();
  if (row === undefined) {
    await deps.media.remove(storageKey);
    throw AppError.conflict(
      `"${input.family}" ${input.weight} ${input.style} is already uploaded: delete it first to replace it.`,
    );
  }
  return toView(row);
}

export async function deleteBrandFont(
  deps: { db: Database; media: MediaStore },
  workspaceId: string,
  fontId: string,
): Promise<void> {
  const [row] = await deps.db
    .delete(brandFonts)
    .where(and(eq(brandFonts.workspaceId, workspaceId), eq(brandFonts.id, fontId)))
    .returning();
  if (row === undefined) throw AppError.notFound('font');
  await deps.media.remove(row.storageKey);
}

/** The workspace's uploaded fonts with their bytes, for a render. */
export async function loadUploadedFonts(
  deps: { db: Database; media: MediaStore },
  workspaceId: string,
  families: string[],
): Promise<UploadedFont[]> {
  const rows = await deps.db.select().from(brandFonts).where(eq(brandFonts.workspaceId, workspaceId));
  const wanted = rows.filter((row) => families.includes(row.family));
  return Promise.all(
    wanted.map(async (row) => ({
      family: row.family,
      weight: row.weight,
      style: row.style,
      data: await deps.media.read(row.storageKey),
    })),
  );
}
