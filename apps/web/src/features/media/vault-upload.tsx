import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { uploadMedia } from '../posts/media-upload.ts';
import { vaultKey } from './vault-query.ts';

type Line = { id: string; text: string; tone: 'ok' | 'error' };

/** Upload one or more files; a file already in the library is not stored again, and says so. */
export function VaultUpload({ workspaceId }: { workspaceId: string }) {
  const inputId = useId();
  const queryClient = useQueryClient();
  const [lines, setLines] = useState<Line[]>([]);
  const [busy, setBusy] = useState(0);

  async function send(file: File) {
    setBusy((count) => count + 1);
    try {
      const saved = await uploadMedia(workspaceId, file);
      const text = saved.duplicate
        ? `${file.name} is already in the library (as ${saved.fileName}): nothing new was stored.`
        : `${file.name} uploaded.`;
      setLines((current) => [...current, { id: crypto.randomUUID(), text, tone: 'ok' }]);
    } catch (error) {
      const text = `${file.name} was not uploaded: ${errorMessageOf(error)}`;
      setLines((current) => [...current, { id: crypto.randomUUID(), text, tone: 'error' }]);
    } finally {
      setBusy((count) => count - 1);
      void queryClient.invalidateQueries({ queryKey: vaultKey(workspaceId) });
    }
  }

  return (
    <div className="space-y-1">
      <label
        htmlFor={inputId}
        className="inline-flex cursor-pointer items-center rounded-md bg-accent px-3.5 py-2 text-sm font-medium text-on-accent hover:bg-accent-strong"
      >
        Upload files
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        accept="image/*,video/*"
        className="sr-only"
        onChange={(event) => {
          for (const file of Array.from(event.target.files ?? [])) void send(file);
          event.target.value = '';
        }}
      />
      {busy > 0 ? (
        <p role="status" className="text-xs text-muted">
          Uploading {busy} {busy === 1 ? 'file' : 'files'}…
        </p>
      ) : null}
      <ul aria-label="Uploads" className="space-y-0.5 text-xs">
        {lines.map((line) => (
          <li
            key={line.id}
            role={line.tone === 'error' ? 'alert' : 'status'}
            className={line.tone === 'error' ? 'text-danger' : 'text-ink'}
          >
            {line.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
