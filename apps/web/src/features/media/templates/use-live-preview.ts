import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebounced } from '../../insights/use-debounced.ts';
import { fetchPng } from './fetch-png.ts';
import { useObjectUrl } from './use-object-url.ts';

/** How long typing must pause before the preview is drawn again. */
export const PREVIEW_DEBOUNCE_MS = 300;

export interface LivePreview {
  /** An object URL of the last PNG drawn (kept while the next one renders). */
  url: string | undefined;
  isRendering: boolean;
  /** The last refusal (field problems at their fields) or failure; undefined once a render succeeds. */
  error: unknown;
}

/**
 * The template's PNG for what the form holds, drawn by the API once typing pauses (~300 ms). Each
 * distinct body is asked for once (answers are cached by their body), and a newer body cancels the
 * request of an older one.
 */
export function useLivePreview(path: string | undefined, body: unknown): LivePreview {
  const settled = useDebounced(JSON.stringify(body), PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({
    queryKey: ['template-preview', path, settled],
    queryFn: ({ signal }) => fetchPng(path ?? '', JSON.parse(settled) as unknown, signal),
    enabled: path !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
  // The last good image stays up (dimmed by the panel) while a new one renders or after a refusal.
  const [shown, setShown] = useState<Blob>();
  useEffect(() => {
    if (preview.data !== undefined) setShown(preview.data);
  }, [preview.data]);
  const url = useObjectUrl(shown);
  return {
    url,
    isRendering: preview.isFetching,
    error: preview.isError && !preview.isFetching ? preview.error : undefined,
  };
}
