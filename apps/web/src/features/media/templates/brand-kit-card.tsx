import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LAYOUT_PRESETS } from '@plume/contract/media/media-enums';
import { brandKitSchema, type BrandKit } from '@plume/contract/media/brand-kit-schemas';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { api } from '../../../lib/api.ts';
import {
  BRAND_COLOR_KEYS,
  BRAND_COLOR_LABELS,
  LAYOUT_LABELS,
  colorProblems,
  toBrandKitBody,
  type BrandKitValues,
} from './brand-kit-form.ts';
import { BrandFonts } from './brand-fonts.tsx';
import { ColorField } from './color-field.tsx';
import { formProblems } from './design-form.ts';
import { MediaImageField } from './media-image-field.tsx';
import { brandKitPath, brandKitQueryOptions } from './template-queries.ts';

const labels = {
  logoMediaId: 'Logo',
  'colors/primary': BRAND_COLOR_LABELS.primary,
  'colors/secondary': BRAND_COLOR_LABELS.secondary,
  'colors/accent': BRAND_COLOR_LABELS.accent,
  'colors/background': BRAND_COLOR_LABELS.background,
  'colors/text': BRAND_COLOR_LABELS.text,
  headingFont: 'Heading font',
  bodyFont: 'Body font',
  layout: 'Layout',
};

interface BrandKitCardProps {
  workspaceId: string;
  canEdit: boolean;
}

/** The brand kit every template uses: logo, colours, fonts (bundled and uploaded) and layout. */
export function BrandKitCard({ workspaceId, canEdit }: BrandKitCardProps) {
  const kit = useQuery(brandKitQueryOptions(workspaceId));
  return (
    <Card title="Brand kit" description="Every template is drawn with these. Saving redraws the preview.">
      {kit.isPending ? (
        <LoadingState label="Loading the brand kit…" />
      ) : kit.isError ? (
        <ErrorState error={kit.error} onRetry={() => void kit.refetch()} />
      ) : (
        <div className="space-y-6">
          {!kit.data.saved ? (
            <p className="text-sm text-muted">
              No brand kit saved yet: templates use Plume’s default colours and the Inter font until you save yours.
            </p>
          ) : null}
          <BrandKitForm workspaceId={workspaceId} kit={kit.data} canEdit={canEdit} />
          <BrandFonts workspaceId={workspaceId} canEdit={canEdit} />
        </div>
      )}
    </Card>
  );
}

function BrandKitForm({ workspaceId, kit, canEdit }: { workspaceId: string; kit: BrandKit; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<BrandKitValues>({
    logoMediaId: kit.logoMediaId,
    colors: { ...kit.colors },
    headingFont: kit.headingFont,
    bodyFont: kit.bodyFont,
    layout: kit.layout,
  });
  const [showChecks, setShowChecks] = useState(false);
  const save = useMutation({
    mutationFn: (body: BrandKitValues) => api.put(brandKitPath(workspaceId), body, brandKitSchema),
    onSuccess: async (saved) => {
      queryClient.setQueryData(brandKitQueryOptions(workspaceId).queryKey, saved);
      // Previews are cached by their body; the kit is not in it, so they are drawn again.
      await queryClient.invalidateQueries({ queryKey: ['template-preview'] });
    },
  });
  const local = showChecks ? colorProblems(values.colors) : {};
  const problems = formProblems(save.error);
  const fontOptions = kit.fontFamilies.map((family) => ({ value: family, label: family }));
  const setColor = (key: (typeof BRAND_COLOR_KEYS)[number], value: string) =>
    setValues((current) => ({ ...current, colors: { ...current.colors, [key]: value } }));

  function submit() {
    setShowChecks(true);
    if (Object.keys(colorProblems(values.colors)).length > 0) return;
    save.mutate(toBrandKitBody(values));
  }

  return (
    <form
      noValidate
      aria-label="Brand kit"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <FormAlert error={save.error} labels={labels} />
      <fieldset disabled={!canEdit} className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {BRAND_COLOR_KEYS.map((key) => (
            <ColorField
              key={key}
              label={BRAND_COLOR_LABELS[key]}
              value={values.colors[key]}
              error={local[key] ?? problems[`colors/${key}`]}
              onChange={(value) => setColor(key, value)}
            />
          ))}
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label="Heading font"
            options={fontOptions}
            value={values.headingFont}
            error={problems['headingFont']}
            onChange={(e) => setValues((current) => ({ ...current, headingFont: e.target.value }))}
          />
          <SelectField
            label="Body font"
            options={fontOptions}
            value={values.bodyFont}
            error={problems['bodyFont']}
            onChange={(e) => setValues((current) => ({ ...current, bodyFont: e.target.value }))}
          />
          <SelectField
            label="Layout"
            options={LAYOUT_PRESETS.map((layout) => ({ value: layout, label: LAYOUT_LABELS[layout] }))}
            value={values.layout}
            error={problems['layout']}
            onChange={(e) => {
              const layout = LAYOUT_PRESETS.find((preset) => preset === e.target.value);
              if (layout) setValues((current) => ({ ...current, layout }));
            }}
          />
        </div>
        <MediaImageField
          workspaceId={workspaceId}
          label="Logo"
          value={values.logoMediaId ?? ''}
          error={problems['logoMediaId']}
          onChange={(mediaId) => setValues((current) => ({ ...current, logoMediaId: mediaId || null }))}
        />
      </fieldset>
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
            Save brand kit
          </Button>
          {save.isSuccess && !save.isPending ? <StatusMessage>Brand kit saved.</StatusMessage> : null}
        </div>
      ) : (
        <p className="text-sm text-muted">Only admins change the brand kit.</p>
      )}
    </form>
  );
}
