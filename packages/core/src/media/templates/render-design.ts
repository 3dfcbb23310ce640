/**
 * Rendering templates for a workspace: a live preview (PNG bytes, nothing saved) and a design's
 * render into the vault (one approved `template` item per image, in slide order, with provenance).
 */
import type { Database } from '@plume/db/client';
import type { BrandOverrides } from '@plume/contract/media/brand-kit-schemas';
import type { AspectRatio, TemplateId } from '@plume/contract/media/media-enums';
import { renderTemplate, type RenderedImage } from '@plume/media/templates/render-template';
import { IMAGE_FIELD } from '@plume/media/templates/template-cards';
import { AppError } from '@plume/errors/app-error';
import type { MediaStore } from '../media-store.ts';
import { saveMedia, type MediaView } from '../save-media.ts';
import { checkBrandOverrides, readVaultImage, resolveRenderBrand } from './brand-kit.ts';
import { loadUploadedFonts } from './brand-fonts.ts';
import { findDesign, setRenderedMedia, type DesignView } from './designs.ts';
import { checkTemplateFields } from './template-fields-check.ts';

type Deps = { db: Database; media: MediaStore };

type RenderRequest = {
  templateId: TemplateId;
  fields: unknown;
  aspectRatio: AspectRatio;
  brand: BrandOverrides | null | undefined;
  slides?: number[];
};

async function render(deps: Deps, workspaceId: string, request: RenderRequest, at: string): Promise<RenderedImage[]> {
  const fields = checkTemplateFields(request.templateId, request.fields, `${at}/fields`) as Record<string, unknown>;
  if (request.brand) await checkBrandOverrides(deps.db, workspaceId, request.brand, `${at}/brand`);
  const brand = await resolveRenderBrand(deps, workspaceId, request.brand);
  const imageField = IMAGE_FIELD[request.templateId];
  const imageId = imageField === undefined ? undefined : fields[imageField];
  const photo = typeof imageId === 'string' ? await readVaultImage(deps, workspaceId, imageId) : undefined;
  if (typeof imageId === 'string' && photo === undefined && imageField !== undefined)
    throw AppError.validation(`${at}/fields/${imageField}`, 'Pick an image from this workspace’s media library.');
  const uploadedFonts = await loadUploadedFonts(deps, workspaceId, [brand.headingFont, brand.bodyFont]);
  return renderTemplate({
    templateId: request.templateId,
    fields,
    aspectRatio: request.aspectRatio,
    brand,
    uploadedFonts,
    ...(photo === undefined ? {} : { photo }),
    ...(request.slides === undefined ? {} : { slides: request.slides }),
  });
}

/** One PNG for the editor's live preview (a carousel's `slide`, the first by default). Nothing is stored. */
export async function previewTemplate(
  deps: Deps,
  workspaceId: string,
  request: Omit<RenderRequest, 'slides'> & { slide?: number | undefined },
): Promise<Buffer> {
  const images = await render(deps, workspaceId, { ...request, slides: [request.slide ?? 0] }, 'body');
  const first = images[0];
  if (first === undefined) throw AppError.validation('body/slide', 'The carousel has no slide with this number.');
  return first.png;
}

/**
 * Renders a design into the vault: one PNG per image (a carousel's slides in order), each an approved
 * `template` item whose provenance names the template, the design and the fields. The design keeps the
 * new ids as its last render; the returned media are in slide order, ready to attach to a post.
 */
export async function renderDesign(
  deps: Deps,
  workspaceId: string,
  userId: string | null,
  designId: string,
): Promise<{ design: DesignView; media: MediaView[] }> {
  const design = await findDesign(deps.db, workspaceId, designId);
  const images = await render(deps, workspaceId, design, 'design');
  const media: MediaView[] = [];
  for (const image of images) {
    const suffix = images.length > 1 ? `-${image.slide + 1}` : '';
    media.push(
      await saveMedia(deps, {
        workspaceId,
        userId,
        fileName: `${
          design.name
            .replace(/[^\w -]/g, '')
            .trim()
            .slice(0, 80) || 'design'
        }${suffix}.png`,
        declaredType: 'image/png',
        bytes: image.png,
        source: 'template',
        approval: 'approved',
        provenance: {
          templateId: design.templateId,
          designId: design.id,
          fields: design.fields,
          aspectRatio: design.aspectRatio,
        },
      }),
    );
  }
  const updated = await setRenderedMedia(
    deps.db,
    workspaceId,
    designId,
    media.map((item) => item.id),
  );
  return { design: updated, media };
}
