import type { Database } from '@plume/db/client';
import { brandFonts, mediaDesigns } from '@plume/db/schema/media';
import type { RouteExample } from './route-sweep.ts';

/** A saved quote design and an uploaded-font row (its file is never read by the sweep). */
export async function insertMediaTemplateSweep(
  db: Database,
  workspaceId: string,
): Promise<{ designId: string; fontId: string }> {
  const [design] = await db
    .insert(mediaDesigns)
    .values({
      workspaceId,
      name: 'Sweep design',
      templateId: 'quote',
      aspectRatio: '1:1',
      fields: { fields: { quote: 'Sweep' }, brand: null },
    })
    .returning({ id: mediaDesigns.id });
  const [font] = await db
    .insert(brandFonts)
    .values({ workspaceId, family: 'Sweep Sans', fileName: 'sweep.woff', storageKey: 'sweep/fonts/none', bytes: 1 })
    .returning({ id: brandFonts.id });
  if (!design || !font) throw new Error('media template sweep insert returned no row');
  return { designId: design.id, fontId: font.id };
}

const colors = { primary: '#112233', secondary: '#445566', accent: '#778899', background: '#ffffff', text: '#000000' };

export function mediaTemplateExample(key: string): RouteExample | undefined {
  if (key === 'PUT /api/v1/workspaces/{workspaceId}/brand-kit')
    return { body: { colors, headingFont: 'Inter', bodyFont: 'Inter', layout: 'centered' } };
  if (key === 'POST /api/v1/workspaces/{workspaceId}/media/templates/{templateId}/preview')
    return { params: { templateId: 'quote' }, body: { aspectRatio: '1:1', fields: { quote: 'Sweep' } } };
  if (key === 'POST /api/v1/workspaces/{workspaceId}/media/designs')
    return { body: { name: 'Sweep', templateId: 'quote', aspectRatio: '1:1', fields: { quote: 'Sweep' } } };
  if (key === 'PATCH /api/v1/workspaces/{workspaceId}/media/designs/{designId}') return { body: { name: 'Renamed' } };
  return undefined;
}
