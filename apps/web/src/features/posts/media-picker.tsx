import { useId, useRef, useState } from 'react';
import type { VaultItem } from '@plume/contract/media/vault-schemas';
import type { MediaKind } from '@plume/contract/networks/network-enums';
import { mediaKindOf } from '@plume/contract/posts/media-rules';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { fileSrc } from '../media/vault-thumb.tsx';
import { LibraryPicker } from './library-picker.tsx';
import { readMediaFacts, uploadMedia, type MediaFacts } from './media-upload.ts';

/** A file attached in the composer: its local preview, what we know of it, and its upload. */
export interface AttachedMedia {
  localId: string;
  url: string;
  kind: MediaKind;
  facts: MediaFacts;
  altText: string;
  status: 'uploading' | 'uploaded' | 'failed';
  mediaId?: string;
  error?: string;
}

interface MediaPickerProps {
  workspaceId: string;
  items: readonly AttachedMedia[];
  onChange: (update: (items: AttachedMedia[]) => AttachedMedia[]) => void;
  /** Problems of the attached files against the chosen networks' manifests. */
  problems: readonly string[];
}

/** Attach images or videos: each uploads at once, shows a thumbnail, and takes alt text. */
export function MediaPicker({ workspaceId, items, onChange, problems }: MediaPickerProps) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const patch = (localId: string, changes: Partial<AttachedMedia>) =>
    onChange((current) => current.map((item) => (item.localId === localId ? { ...item, ...changes } : item)));

  async function attach(file: File) {
    const localId = crypto.randomUUID();
    const url = URL.createObjectURL(file);
    const facts = await readMediaFacts(file, url);
    onChange((current) => [
      ...current,
      { localId, url, kind: mediaKindOf(file.type), facts, altText: '', status: 'uploading' },
    ]);
    try {
      const uploaded = await uploadMedia(workspaceId, file);
      patch(localId, { status: 'uploaded', mediaId: uploaded.id });
    } catch (error) {
      patch(localId, { status: 'failed', error: errorMessageOf(error) });
    }
  }

  function pick(item: VaultItem) {
    const facts: MediaFacts = {
      name: item.fileName,
      mimeType: item.mimeType,
      bytes: item.bytes,
      ...(item.width === null ? {} : { width: item.width }),
      ...(item.height === null ? {} : { height: item.height }),
      ...(item.durationSec === null ? {} : { durationSec: item.durationSec }),
    };
    onChange((current) => [
      ...current,
      {
        localId: crypto.randomUUID(),
        url: fileSrc(item),
        kind: item.kind,
        facts,
        altText: item.altText ?? '',
        status: 'uploaded',
        mediaId: item.id,
      },
    ]);
  }

  function saveAltText(item: AttachedMedia) {
    if (!item.mediaId) return;
    api
      .patch(`${workspacePath(workspaceId)}/media/${encodeURIComponent(item.mediaId)}`, {
        altText: item.altText.trim() || null,
      })
      .catch((error: unknown) => patch(item.localId, { error: `Alt text not saved: ${errorMessageOf(error)}` }));
  }

  function remove(item: AttachedMedia) {
    if (item.url.startsWith('blob:')) URL.revokeObjectURL(item.url);
    onChange((current) => current.filter((candidate) => candidate.localId !== item.localId));
  }

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-ink">
          Media
        </label>
        <input
          id={inputId}
          ref={input}
          type="file"
          multiple
          accept="image/*,video/*"
          className="block text-sm text-muted file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:text-ink"
          onChange={(e) => {
            for (const file of Array.from(e.target.files ?? [])) void attach(file);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          className="mt-2 text-sm text-accent underline"
          aria-expanded={libraryOpen}
          onClick={() => setLibraryOpen((open) => !open)}
        >
          From the library
        </button>
      </div>
      {libraryOpen ? (
        <LibraryPicker
          workspaceId={workspaceId}
          chosenIds={new Set(items.flatMap((item) => (item.mediaId ? [item.mediaId] : [])))}
          onPick={pick}
        />
      ) : null}
      {items.length > 0 ? (
        <ul aria-label="Attached media" className="grid gap-3 sm:grid-cols-2">
          {items.map((item) => (
            <li key={item.localId} className="flex gap-3 rounded-md border border-line p-2">
              {item.kind === 'video' ? (
                <video
                  src={item.url}
                  muted
                  className="size-16 shrink-0 rounded bg-black object-cover"
                  aria-hidden="true"
                />
              ) : (
                <img src={item.url} alt="" className="size-16 shrink-0 rounded object-cover" />
              )}
              <div className="min-w-0 flex-1 space-y-1">
                <p className="truncate text-xs text-ink">{item.facts.name}</p>
                <p
                  className={`text-xs ${item.status === 'failed' ? 'text-danger' : 'text-muted'}`}
                  role={item.status === 'failed' ? 'alert' : undefined}
                >
                  {item.status === 'uploading'
                    ? 'Uploading…'
                    : item.status === 'uploaded'
                      ? 'Uploaded'
                      : `Upload failed: ${item.error ?? ''}`}
                </p>
                {item.status === 'uploaded' && item.error ? <p className="text-xs text-danger">{item.error}</p> : null}
                <input
                  aria-label={`Alt text for ${item.facts.name}`}
                  placeholder="Alt text (describe the image)"
                  value={item.altText}
                  className="w-full rounded border border-line-strong bg-surface px-2 py-1 text-xs text-ink"
                  onChange={(e) => patch(item.localId, { altText: e.target.value })}
                  onBlur={() => saveAltText(item)}
                />
                <button type="button" className="text-xs text-danger underline" onClick={() => remove(item)}>
                  Remove<span className="sr-only"> {item.facts.name}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {problems.length > 0 ? (
        <ul aria-label="Media problems" className="list-disc space-y-0.5 pl-5 text-sm text-danger">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
