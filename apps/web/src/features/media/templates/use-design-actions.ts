import { useMutation, useQueryClient } from '@tanstack/react-query';
import { designSchema, renderDesignResponse, type Design } from '@plume/contract/media/design-schemas';
import { api } from '../../../lib/api.ts';
import { designPath, designsPath, designsQueryOptions } from './template-queries.ts';
import type { DesignEditor } from './use-design-editor.ts';

/** Saving the open design (created the first time, changed after) and rendering it into the vault. */
export function useDesignActions(workspaceId: string, editor: DesignEditor) {
  const queryClient = useQueryClient();
  const refreshList = () => queryClient.invalidateQueries({ queryKey: designsQueryOptions(workspaceId).queryKey });

  async function saveDesign(): Promise<Design> {
    const { state, template, fields } = editor;
    const name = state.name.trim() || template?.name || 'Design';
    const body = { name, aspectRatio: state.aspectRatio, fields };
    return state.designId === null
      ? api.post(designsPath(workspaceId), { ...body, templateId: state.templateId }, designSchema)
      : api.patch(designPath(workspaceId, state.designId), body, designSchema);
  }

  const save = useMutation({
    mutationFn: saveDesign,
    onSuccess: async (design) => {
      editor.saved(design);
      await refreshList();
    },
  });

  const render = useMutation({
    mutationFn: async () => {
      const design = await saveDesign();
      editor.saved(design);
      return api.post(`${designPath(workspaceId, design.id)}/render`, {}, renderDesignResponse);
    },
    onSuccess: async (result) => {
      // The composer and the library read these items; they are new.
      await Promise.all([
        refreshList(),
        queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId, 'media'] }),
      ]);
      for (const item of result.media)
        queryClient.setQueryData(['workspaces', workspaceId, 'media', 'item', item.id], item);
    },
  });

  return { save, render };
}
