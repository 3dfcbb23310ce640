import { useQuery } from '@tanstack/react-query';
import { mediaSchema } from '@plume/contract/media/media-schemas';
import { pageOf } from '@plume/contract/wire';
import { api } from '../../../lib/api.ts';
import { workspacePath } from '../../workspaces/workspace-queries.ts';

const vaultPage = pageOf(mediaSchema);

/** The library's latest 100 images, to pick a reference or a picture to animate from. */
export function useVaultImages(workspaceId: string) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'media', 'latest-images'],
    queryFn: async () =>
      (await api.get(`${workspacePath(workspaceId)}/media?kind=image&limit=100`, vaultPage)).items.filter(
        (media) => media.kind === 'image',
      ),
  });
}
