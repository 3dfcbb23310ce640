import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { brandFontSchema, MAX_FONT_BYTES } from '@plume/contract/media/brand-kit-schemas';
import { Button } from '../../../components/button.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { API_BASE, api, readAnswer, toApiError } from '../../../lib/api.ts';
import { errorMessageOf } from '../../../lib/field-errors.ts';
import { brandKitQueryOptions, fontsPath, fontsQueryOptions } from './template-queries.ts';
import { formProblems } from './design-form.ts';

interface FontUploadValues {
  family: string;
  weight: string;
  style: string;
}

const WEIGHTS = ['100', '200', '300', '400', '500', '600', '700', '800', '900'];

async function uploadFont(workspaceId: string, file: File, values: FontUploadValues) {
  const form = new FormData();
  form.append('file', file, file.name);
  if (values.family.trim() !== '') form.append('family', values.family.trim());
  form.append('weight', values.weight);
  form.append('style', values.style);
  const response = await fetch(`${API_BASE}${fontsPath(workspaceId)}`, {
    method: 'POST',
    body: form,
    credentials: 'include',
  });
  const text = await response.text();
  if (!response.ok) throw toApiError(response.status, response.statusText, text);
  return readAnswer(brandFontSchema, JSON.parse(text), 'POST /brand-kit/fonts');
}

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Uploaded fonts (TTF, OTF, WOFF): the list, an upload with its errors at the file field, and delete. */
export function BrandFonts({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const fileId = useId();
  const fonts = useQuery(fontsQueryOptions(workspaceId));
  const [file, setFile] = useState<File>();
  const [values, setValues] = useState<FontUploadValues>({ family: '', weight: '400', style: 'normal' });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: fontsQueryOptions(workspaceId).queryKey }),
      queryClient.invalidateQueries({ queryKey: brandKitQueryOptions(workspaceId).queryKey, exact: true }),
    ]);
  const upload = useMutation({
    mutationFn: () => {
      if (file === undefined) throw new Error('Choose a font file first.');
      return uploadFont(workspaceId, file, values);
    },
    onSuccess: async () => {
      setFile(undefined);
      setValues({ family: '', weight: '400', style: 'normal' });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (fontId: string) => api.delete(`${fontsPath(workspaceId)}/${encodeURIComponent(fontId)}`),
    onSuccess: refresh,
  });
  const problems = formProblems(upload.error);
  const fileError =
    problems['file'] ?? (upload.error && Object.keys(problems).length === 0 ? errorMessageOf(upload.error) : undefined);
  const tooBig = file !== undefined && file.size > MAX_FONT_BYTES;

  return (
    <section aria-labelledby={`${fileId}-title`} className="space-y-3">
      <h3 id={`${fileId}-title`} className="text-sm font-semibold text-ink">
        Uploaded fonts
      </h3>
      {fonts.isError ? (
        <p className="text-sm text-danger">The fonts could not be read: {errorMessageOf(fonts.error)}</p>
      ) : fonts.data && fonts.data.length > 0 ? (
        <ul className="divide-y divide-line rounded-md border border-line">
          {fonts.data.map((font) => (
            <li key={font.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <span className="text-ink">
                {font.family}{' '}
                <span className="text-muted">
                  {font.weight} {font.style} · {font.fileName} · {kilobytes(font.bytes)}
                </span>
              </span>
              {canEdit ? (
                <Button
                  variant="ghost"
                  className="px-2 py-1 text-xs text-danger"
                  isPending={remove.isPending && remove.variables === font.id}
                  onClick={() => remove.mutate(font.id)}
                >
                  Delete<span className="sr-only"> font {font.family}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : fonts.data ? (
        <p className="text-sm text-muted">
          No uploaded fonts. Inter, Playfair Display and Roboto Slab are always there.
        </p>
      ) : null}
      {remove.error ? <p className="text-sm text-danger">{errorMessageOf(remove.error)}</p> : null}
      {canEdit ? (
        <form
          noValidate
          aria-label="Upload a font"
          className="grid items-start gap-3 md:grid-cols-[1fr_1fr_1fr_auto]"
          onSubmit={(e) => {
            e.preventDefault();
            upload.mutate();
          }}
        >
          <div>
            <label htmlFor={fileId} className="mb-1 block text-sm font-medium text-ink">
              Font file
            </label>
            <input
              id={fileId}
              type="file"
              accept=".ttf,.otf,.woff,font/ttf,font/otf,font/woff"
              className={`block w-full text-sm text-muted file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:text-ink ${fileError || tooBig ? 'rounded-md ring-1 ring-danger' : ''}`}
              aria-invalid={fileError || tooBig ? true : undefined}
              aria-describedby={`${fileId}-hint${fileError || tooBig ? ` ${fileId}-error` : ''}`}
              onChange={(e) => setFile(e.target.files?.[0])}
            />
            <p id={`${fileId}-hint`} className="mt-1 text-xs text-muted">
              TrueType, OpenType or WOFF (not WOFF2), up to {MAX_FONT_BYTES / 1024 / 1024} MB.
            </p>
            {fileError || tooBig ? (
              <p id={`${fileId}-error`} className="mt-1 text-sm text-danger">
                {tooBig ? `This file is larger than ${MAX_FONT_BYTES / 1024 / 1024} MB.` : fileError}
              </p>
            ) : null}
          </div>
          <TextField
            label="Family name"
            value={values.family}
            autoComplete="off"
            hint="The name the font lists use, e.g. Brand Sans."
            error={problems['family']}
            onChange={(e) => setValues((current) => ({ ...current, family: e.target.value }))}
          />
          <div className="grid grid-cols-2 gap-2">
            <SelectField
              label="Weight"
              options={WEIGHTS.map((weight) => ({
                value: weight,
                label: weight === '400' ? '400 (regular)' : weight === '700' ? '700 (bold)' : weight,
              }))}
              value={values.weight}
              error={problems['weight']}
              onChange={(e) => setValues((current) => ({ ...current, weight: e.target.value }))}
            />
            <SelectField
              label="Style"
              options={[
                { value: 'normal', label: 'Normal' },
                { value: 'italic', label: 'Italic' },
              ]}
              value={values.style}
              error={problems['style']}
              onChange={(e) => setValues((current) => ({ ...current, style: e.target.value }))}
            />
          </div>
          <Button
            type="submit"
            variant="secondary"
            className="md:mt-6"
            disabled={file === undefined || tooBig}
            isPending={upload.isPending}
            pendingLabel="Uploading…"
          >
            Upload font
          </Button>
        </form>
      ) : null}
    </section>
  );
}
