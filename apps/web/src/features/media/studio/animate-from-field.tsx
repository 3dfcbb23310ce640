import { SelectField } from '../../../components/select-field.tsx';
import { useVaultImages } from './vault-images.ts';

interface AnimateFromFieldProps {
  workspaceId: string;
  value: string;
  error: string | undefined;
  onChange: (imageMediaId: string) => void;
}

/** Video from a picture: one of the library's images to animate (where the provider can). */
export function AnimateFromField({ workspaceId, value, error, onChange }: AnimateFromFieldProps) {
  const images = useVaultImages(workspaceId);
  return (
    <SelectField
      label="Start from an image"
      value={value}
      error={error}
      hint="Optional: the video animates this picture from the library instead of starting from the prompt alone."
      options={[
        { value: '', label: images.isPending ? 'Loading images…' : 'No image, from the prompt only' },
        ...(images.data ?? []).map((media) => ({ value: media.id, label: media.fileName })),
      ]}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
