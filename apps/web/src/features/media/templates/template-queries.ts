import { queryOptions } from '@tanstack/react-query';
import { brandFontSchema, brandKitSchema } from '@plume/contract/media/brand-kit-schemas';
import { designSchema, templateSummarySchema } from '@plume/contract/media/design-schemas';
import { itemsOf } from '@plume/contract/wire';
import { api } from '../../../lib/api.ts';
import { workspacePath } from '../../workspaces/workspace-queries.ts';

const templateList = itemsOf(templateSummarySchema);
const designList = itemsOf(designSchema);
const fontList = itemsOf(brandFontSchema);

export const brandKitPath = (workspaceId: string) => `${workspacePath(workspaceId)}/brand-kit`;
export const fontsPath = (workspaceId: string) => `${brandKitPath(workspaceId)}/fonts`;
export const designsPath = (workspaceId: string) => `${workspacePath(workspaceId)}/media/designs`;
export const designPath = (workspaceId: string, designId: string) =>
  `${designsPath(workspaceId)}/${encodeURIComponent(designId)}`;
export const previewPath = (workspaceId: string, templateId: string) =>
  `${workspacePath(workspaceId)}/media/templates/${encodeURIComponent(templateId)}/preview`;

/** The built-in templates with their fields and shapes (the same for every workspace). */
export function templatesQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'media-templates'],
    queryFn: async () => (await api.get(`${workspacePath(workspaceId)}/media/templates`, templateList)).items,
    staleTime: Infinity,
  });
}

/** The workspace's brand kit (the defaults until it is saved once). */
export function brandKitQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'brand-kit'],
    queryFn: () => api.get(brandKitPath(workspaceId), brandKitSchema),
  });
}

/** The fonts the workspace uploaded. */
export function fontsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'brand-kit', 'fonts'],
    queryFn: async () => (await api.get(fontsPath(workspaceId), fontList)).items,
  });
}

/** Saved designs, most recently changed first. */
export function designsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'media-designs'],
    queryFn: async () => (await api.get(designsPath(workspaceId), designList)).items,
  });
}
