import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { mediaSchema, type Media } from '@plume/contract/media/media-schemas';
import { API_BASE, api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import type { AttachedMedia } from './media-picker.tsx';

/**
 * `?media=id1,id2` → the ids, in order, each once (at most 20; anything that is not an id is dropped).
 * @example mediaIdsOf('a1b2…,c3d4…') // ['a1b2…', 'c3d4…']
 */
export function mediaIdsOf(param: unknown): string[] {
  if (typeof param !== 'string') return [];
  const ids = param
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  return [...new Set(ids)].slice(0, 20);
}

/** A library item as an attachment of the composer: already uploaded, shown from the API's file route. */
export function attachedFromMedia(workspaceId: string, media: Media): AttachedMedia {
  return {
    localId: media.id,
    url: `${API_BASE}${workspacePath(workspaceId)}/media/${encodeURIComponent(media.id)}/file`,
    kind: media.kind,
    facts: {
      name: media.fileName,
      mimeType: media.mimeType,
      bytes: media.bytes,
      kind: media.kind,
      width: media.width,
      height: media.height,
      durationSec: media.durationSec,
    },
    altText: media.altText ?? '',
    status: 'uploaded',
    mediaId: media.id,
  };
}

/**
 * Attaches the library items named in the composer's `?media=` (a rendered design's images, in slide
 * order) once, when the composer opens. An item that cannot be read is shown as failed, with why.
 */
export function useMediaFromIds(
  workspaceId: string,
  ids: readonly string[],
  onChange: (update: (items: AttachedMedia[]) => AttachedMedia[]) => void,
): void {
  const queryClient = useQueryClient();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || ids.length === 0) return;
    done.current = true;
    const read = (id: string) =>
      queryClient.fetchQuery({
        queryKey: ['workspaces', workspaceId, 'media', 'item', id],
        // A render just put its items here: no need to ask again.
        staleTime: 60_000,
        queryFn: () => api.get(`${workspacePath(workspaceId)}/media/${encodeURIComponent(id)}`, mediaSchema),
      });
    void Promise.allSettled(ids.map(read)).then((results) => {
      const attached = results.map((result, index): AttachedMedia => {
        if (result.status === 'fulfilled') return attachedFromMedia(workspaceId, result.value);
        const id = ids[index] ?? '';
        return {
          localId: id,
          url: '',
          kind: 'image',
          facts: { name: 'Library item', mimeType: '', bytes: 0 },
          altText: '',
          status: 'failed',
          error: errorMessageOf(result.reason),
        };
      });
      onChange((current) => [...attached, ...current]);
    });
  }, [ids, onChange, queryClient, workspaceId]);
}
