/**
 * The workspace's brand kit: read (Plume's defaults until it is saved), saved, and resolved for a
 * render (a design's overrides applied, the logo's bytes read from the vault).
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { brandKits, mediaAssets } from '@plume/db/schema/media';
import { BUNDLED_FONT_FAMILIES, type BrandOverrides } from '@plume/contract/media/brand-kit-schemas';
import type { LayoutPreset } from '@plume/contract/media/media-enums';
import { DEFAULT_BRAND, type BrandColors, type RenderBrand } from '@plume/media/templates/brand';
import { AppError } from '@plume/errors/app-error';
import type { MediaStore } from '../media-store.ts';
import { listFontFamilies } from './brand-fonts.ts';

export type BrandKitView = {
  logoMediaId: string | null;
  colors: BrandColors;
  headingFont: string;
  bodyFont: string;
  layout: LayoutPreset;
  fontFamilies: string[];
  saved: boolean;
};

export type BrandKitInput = {
  logoMediaId?: string | null | undefined;
  colors: BrandColors;
  headingFont: string;
  bodyFont: string;
  layout: LayoutPreset;
};

async function familiesOf(db: Database, workspaceId: string): Promise<string[]> {
  const uploaded = await listFontFamilies(db, workspaceId);
  return [
    ...BUNDLED_FONT_FAMILIES,
    ...uploaded.filter((family) => !(BUNDLED_FONT_FAMILIES as readonly string[]).includes(family)),
  ];
}

export async function getBrandKit(db: Database, workspaceId: string): Promise<BrandKitView> {
  const [row] = await db.select().from(brandKits).where(eq(brandKits.workspaceId, workspaceId));
  const fontFamilies = await familiesOf(db, workspaceId);
  if (row === undefined) return { ...DEFAULT_BRAND, logoMediaId: null, fontFamilies, saved: false };
  const { logoMediaId, colors, headingFont, bodyFont, layout } = row;
  return { logoMediaId, colors, headingFont, bodyFont, layout, fontFamilies, saved: true };
}

/** Fonts must be bundled or uploaded; the logo must be an image of this workspace's vault. */
async function checkKit(
  db: Database,
  workspaceId: string,
  kit: Pick<BrandOverrides, 'headingFont' | 'bodyFont' | 'logoMediaId'>,
  at: string,
): Promise<void> {
  const families = await familiesOf(db, workspaceId);
  for (const field of ['headingFont', 'bodyFont'] as const) {
    const family = kit[field];
    if (family !== undefined && !families.includes(family))
      throw AppError.validation(
        `${at}/${field}`,
        `No font "${family}": choose ${families.join(', ')}, or upload it first.`,
      );
  }
  if (kit.logoMediaId !== undefined && kit.logoMediaId !== null) {
    const [logo] = await db
      .select({ kind: mediaAssets.kind })
      .from(mediaAssets)
      .where(and(eq(mediaAssets.workspaceId, workspaceId), eq(mediaAssets.id, kit.logoMediaId)));
    if (logo?.kind !== 'image')
      throw AppError.validation(`${at}/logoMediaId`, 'Pick an image from this workspace’s media library.');
  }
}

export async function updateBrandKit(db: Database, workspaceId: string, input: BrandKitInput): Promise<BrandKitView> {
  await checkKit(db, workspaceId, input, 'body');
  const values = {
    logoMediaId: input.logoMediaId ?? null,
    colors: input.colors,
    headingFont: input.headingFont,
    bodyFont: input.bodyFont,
    layout: input.layout,
    updatedAt: new Date(),
  };
  await db
    .insert(brandKits)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: brandKits.workspaceId, set: values });
  return getBrandKit(db, workspaceId);
}

export async function checkBrandOverrides(
  db: Database,
  workspaceId: string,
  overrides: BrandOverrides,
  at: string,
): Promise<void> {
  await checkKit(db, workspaceId, overrides, at);
}

/** The brand a render uses: the kit with `overrides` applied, and the logo's bytes. */
export async function resolveRenderBrand(
  deps: { db: Database; media: MediaStore },
  workspaceId: string,
  overrides: BrandOverrides | null | undefined,
): Promise<RenderBrand> {
  const kit = await getBrandKit(deps.db, workspaceId);
  const logoMediaId = overrides?.logoMediaId === undefined ? kit.logoMediaId : overrides.logoMediaId;
  const brand: RenderBrand = {
    colors: { ...kit.colors, ...definedColors(overrides?.colors) },
    headingFont: overrides?.headingFont ?? kit.headingFont,
    bodyFont: overrides?.bodyFont ?? kit.bodyFont,
    layout: overrides?.layout ?? kit.layout,
  };
  const logo = logoMediaId === null ? undefined : await readVaultImage(deps, workspaceId, logoMediaId);
  return logo === undefined ? brand : { ...brand, logo };
}

/** An image of the workspace's vault as bytes, or undefined when it is gone or not an image. */
export async function readVaultImage(
  deps: { db: Database; media: MediaStore },
  workspaceId: string,
  mediaId: string,
): Promise<Uint8Array | undefined> {
  const [row] = await deps.db
    .select({ storageKey: mediaAssets.storageKey, kind: mediaAssets.kind })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.workspaceId, workspaceId), eq(mediaAssets.id, mediaId)));
  if (row?.kind !== 'image') return undefined;
  return deps.media.read(row.storageKey);
}

function definedColors(colors: BrandOverrides['colors']): Partial<BrandColors> {
  return Object.fromEntries(Object.entries(colors ?? {}).filter(([, value]) => value !== undefined));
}
