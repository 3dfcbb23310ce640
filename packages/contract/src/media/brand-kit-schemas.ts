/** The brand kit (colours, fonts, logo, layout) and the fonts a workspace uploaded. */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import type { Wire } from '../wire.ts';
import { LAYOUT_PRESETS } from './media-enums.ts';

/** The open fonts Plume ships (from @fontsource): any template can use them without an upload. */
export const BUNDLED_FONT_FAMILIES = ['Inter', 'Playfair Display', 'Roboto Slab'] as const;

/** Uploaded fonts: TrueType, OpenType or WOFF (WOFF2 cannot be read by the renderer). */
export const MAX_FONT_BYTES = 4 * 1024 * 1024;
export const MAX_BRAND_FONTS = 20;

export const hexColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1f6feb.')
  .meta({ examples: ['#1f6feb'] });

export const brandColorsSchema = z.strictObject({
  primary: hexColor,
  secondary: hexColor,
  accent: hexColor,
  background: hexColor,
  text: hexColor,
});
export type BrandColorsInput = z.infer<typeof brandColorsSchema>;

const fontFamily = z.string().trim().min(1).max(100);

export const brandKitSchema = z.object({
  logoMediaId: z.string().nullable(),
  colors: brandColorsSchema,
  headingFont: z.string(),
  bodyFont: z.string(),
  layout: z.enum(LAYOUT_PRESETS),
  /** Families a template may use: the bundled ones, then the workspace's uploads. */
  fontFamilies: z.array(z.string()),
  /** False while the workspace has never saved its kit (the defaults are shown). */
  saved: z.boolean(),
});

export const updateBrandKitBody = z.strictObject({
  logoMediaId: z.uuid().nullable().optional(),
  colors: brandColorsSchema,
  headingFont: fontFamily,
  bodyFont: fontFamily,
  layout: z.enum(LAYOUT_PRESETS),
});

/** What one design may change of the kit (only for its own renders). */
export const brandOverridesSchema = z.strictObject({
  logoMediaId: z.uuid().nullable().optional(),
  colors: brandColorsSchema.partial().optional(),
  headingFont: fontFamily.optional(),
  bodyFont: fontFamily.optional(),
  layout: z.enum(LAYOUT_PRESETS).optional(),
});

export const brandFontSchema = z.object({
  id: z.string(),
  family: z.string(),
  weight: z.number(),
  style: z.enum(['normal', 'italic']),
  fileName: z.string(),
  bytes: z.number(),
  createdAt: z.string(),
});

export const brandFontParams = z.object({ workspaceId: workspaceIdParam, fontId: z.uuid() });

export type BrandKit = Wire<typeof brandKitSchema>;
export type UpdateBrandKit = Wire<typeof updateBrandKitBody>;
export type BrandOverrides = z.infer<typeof brandOverridesSchema>;
export type BrandFont = Wire<typeof brandFontSchema>;
