import { uploadedSchema, type UploadedMedia } from '@plume/contract/media/vault-schemas';
import type { MediaItem } from '@plume/contract/posts/media-rules';
import { API_BASE, ApiError, readAnswer, toApiError } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

/** What the composer knows about one attached file before upload: its name and what the contract's media check reads. */
export type MediaFacts = MediaItem & { name: string };

/**
 * Uploads one file as multipart/form-data (the JSON client cannot send files).
 * @example const media = await uploadMedia(workspaceId, file)
 */
export async function uploadMedia(workspaceId: string, file: File): Promise<UploadedMedia> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${workspacePath(workspaceId)}/media`, {
      method: 'POST',
      body: form,
      credentials: 'include',
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network_error',
      detail: 'Could not reach the Plume server to upload the file.',
    });
  }
  const text = await response.text();
  if (!response.ok) throw toApiError(response.status, response.statusText, text);
  return readAnswer(uploadedSchema, JSON.parse(text), 'POST /media');
}

function imageSize(url: string): Promise<{ width: number; height: number } | undefined> {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight });
    image.onerror = () => resolve(undefined);
    image.src = url;
  });
}

function videoFacts(url: string): Promise<{ width: number; height: number; durationSec: number } | undefined> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    video.preload = 'metadata';
    video.onloadedmetadata = () =>
      resolve({ width: video.videoWidth, height: video.videoHeight, durationSec: video.duration });
    video.onerror = () => resolve(undefined);
    video.src = url;
  });
}

/** Type, size and (when the browser can read them) dimensions and duration, to check before publishing. */
export async function readMediaFacts(file: File, url: string): Promise<MediaFacts> {
  const base: MediaFacts = { name: file.name, mimeType: file.type, bytes: file.size };
  if (file.type.startsWith('image/')) return { ...base, ...(await imageSize(url)) };
  if (file.type.startsWith('video/')) return { ...base, ...(await videoFacts(url)) };
  return base;
}
