import { useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { mediaSchema } from '@plume/contract/media/media-schemas';
import { pageOf } from '@plume/contract/wire';
import { SelectField } from '../../../components/select-field.tsx';
import { api } from '../../../lib/api.ts';
import { errorMessageOf } from '../../../lib/field-errors.ts';
import { uploadMedia } from '../../posts/media-upload.ts';
import { workspacePath } from '../../workspaces/workspace-queries.ts';

const mediaPage = pageOf(mediaSchema);

/** The workspace's newest images, for the pickers of a template's photo and the brand kit's logo. */
export function imagesQueryOptions(workspaceId: string) {
  return {
    queryKey: ['workspaces', workspaceId, 'media', 'template-images'],
    queryFn: async () =>
      (await api.get(`${workspacePath(workspaceId)}/media?limit=100`, mediaPage)).items.filter(
        (item) => item.kind === 'image',
      ),
  };
}

interface MediaImageFieldProps {
  workspaceId: string;
  label: string;
  value: string;
  required?: boolean;
  error?: string | undefined;
  onChange: (mediaId: string) => void;
}

/** Picks an image of the media library by its file name, or uploads a new one (then picks it). */
export function MediaImageField({ workspaceId, label, value, required, error, onChange }: MediaImageFieldProps) {
  const queryClient = useQueryClient();
  const uploadId = useId();
  const images = useQuery(imagesQueryOptions(workspaceId));
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const options = [
    { value: '', label: required ? 'Choose an image…' : 'None' },
    ...(images.data ?? []).map((item) => ({ value: item.id, label: item.fileName })),
  ];

  async function upload(file: File) {
    setUploading(true);
    setUploadError(undefined);
    try {
      const saved = await uploadMedia(workspaceId, file);
      await queryClient.invalidateQueries({ queryKey: imagesQueryOptions(workspaceId).queryKey });
      onChange(saved.id);
    } catch (failure) {
      setUploadError(errorMessageOf(failure));
    } finally {
      setUploading(false);
    }
  }

  return (
    <div className="space-y-2">
      <SelectField
        label={label}
        options={options}
        value={value}
        error={error ?? uploadError}
        hint={images.isError ? `The library could not be read: ${errorMessageOf(images.error)}` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <div>
        <label htmlFor={uploadId} className="mb-1 block text-xs text-muted">
          Or upload an image for “{label}”
        </label>
        <input
          id={uploadId}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          disabled={uploading}
          className="block text-sm text-muted file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:text-ink"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = '';
          }}
        />
        {uploading ? (
          <p role="status" className="mt-1 text-xs text-muted">
            Uploading…
          </p>
        ) : null}
      </div>
    </div>
  );
}
