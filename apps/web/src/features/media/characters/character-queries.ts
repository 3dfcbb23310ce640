import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { itemsOf } from '@plume/contract/wire';
import { api } from '../../../lib/api.ts';
import { workspacePath } from '../../workspaces/workspace-queries.ts';
import {
  characterReferenceSchema,
  characterSchema,
  characterVariationSchema,
} from '@plume/contract/media/character-schemas';

const characterList = itemsOf(characterSchema);

export const charactersPath = (workspaceId: string) => `${workspacePath(workspaceId)}/media/characters`;
const characterPath = (workspaceId: string, characterId: string) =>
  `${charactersPath(workspaceId)}/${encodeURIComponent(characterId)}`;

const charactersKey = (workspaceId: string) => ['workspaces', workspaceId, 'characters'] as const;

/** The workspace's characters with their references and variations, by name. */
export function charactersQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: charactersKey(workspaceId),
    queryFn: async () => (await api.get(charactersPath(workspaceId), characterList)).items,
  });
}

function useRefreshCharacters(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: charactersKey(workspaceId) });
}

/** Creates a character (no id) or saves one. */
export function useSaveCharacter(workspaceId: string, characterId: string | undefined) {
  const refresh = useRefreshCharacters(workspaceId);
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      characterId === undefined
        ? api.post(charactersPath(workspaceId), body, characterSchema)
        : api.patch(characterPath(workspaceId, characterId), body, characterSchema),
    onSuccess: refresh,
  });
}

export function useDeleteCharacter(workspaceId: string) {
  const refresh = useRefreshCharacters(workspaceId);
  return useMutation({
    mutationFn: (characterId: string) => api.delete(characterPath(workspaceId, characterId)),
    onSuccess: refresh,
  });
}

/** Adds a reference image (a vault item) with its consent when it shows a real person. */
export function useAddReference(workspaceId: string, characterId: string) {
  const refresh = useRefreshCharacters(workspaceId);
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post(`${characterPath(workspaceId, characterId)}/references`, body, characterReferenceSchema),
    onSuccess: refresh,
  });
}

export function useRemoveReference(workspaceId: string, characterId: string) {
  const refresh = useRefreshCharacters(workspaceId);
  return useMutation({
    mutationFn: (referenceId: string) =>
      api.delete(`${characterPath(workspaceId, characterId)}/references/${encodeURIComponent(referenceId)}`),
    onSuccess: refresh,
  });
}

/** Saves a named variation of the character's look. */
export function useAddVariation(workspaceId: string, characterId: string) {
  const refresh = useRefreshCharacters(workspaceId);
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post(`${characterPath(workspaceId, characterId)}/variations`, body, characterVariationSchema),
    onSuccess: refresh,
  });
}

export function useRemoveVariation(workspaceId: string, characterId: string) {
  const refresh = useRefreshCharacters(workspaceId);
  return useMutation({
    mutationFn: (variationId: string) =>
      api.delete(`${characterPath(workspaceId, characterId)}/variations/${encodeURIComponent(variationId)}`),
    onSuccess: refresh,
  });
}
