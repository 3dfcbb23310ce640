import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type BrandProfileResponse,
  brandProfileResponse,
  type SaveProfileBody,
} from '@plume/contract/content/content-schemas';
import type { Workspace } from '@plume/contract/workspaces/workspace-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { api } from '../../lib/api.ts';
import { problemsByPath } from '../posts/problems-by-path.ts';
import { BrandFields } from './brand-fields.tsx';
import { BRAND_FIELD_LABELS, brandToForm, formToBrand, formToPersona, personaToForm } from './brand-form-values.ts';
import { brandProfilePath, brandProfileQueryOptions } from './brand-queries.ts';
import { PersonaFields } from './persona-fields.tsx';
import { VoicePreview } from './voice-preview.tsx';

const SUGGESTED_DISCLOSURE = 'Posts on this account are written with AI assistance.';

interface BrandProfileFormProps {
  workspace: Workspace;
  stored: BrandProfileResponse['profile'];
  canEdit: boolean;
  canPreview: boolean;
}

/** The brand (and persona) form: admins edit, everyone else reads it with the fields disabled. */
export function BrandProfileForm({ workspace, stored, canEdit, canPreview }: BrandProfileFormProps) {
  const queryClient = useQueryClient();
  const isCharacter = workspace.kind === 'character' || stored?.kind === 'persona';
  const [brand, setBrand] = useState(() =>
    brandToForm(stored?.brand, { name: workspace.name, language: workspace.locale }),
  );
  const [persona, setPersona] = useState(() => personaToForm(stored?.persona, SUGGESTED_DISCLOSURE));
  const body = (): SaveProfileBody => ({
    brand: formToBrand(brand),
    ...(isCharacter ? { persona: formToPersona(persona) } : {}),
  });
  const save = useMutation({
    mutationFn: (profile: SaveProfileBody) => api.put(brandProfilePath(workspace.id), profile, brandProfileResponse),
    onSuccess: (saved) => queryClient.setQueryData(brandProfileQueryOptions(workspace.id).queryKey, saved),
  });
  const problems = problemsByPath(save.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(body());
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-label="Brand profile" className="space-y-6">
      <FormAlert error={save.error} labels={BRAND_FIELD_LABELS} />
      {!canEdit ? (
        <p className="text-sm text-muted">Only admins and owners of {workspace.name} can change the profile.</p>
      ) : null}
      <fieldset disabled={!canEdit} className="space-y-6">
        <Card title="Brand profile">
          <BrandFields values={brand} onChange={setBrand} problems={problems} />
        </Card>
        {isCharacter ? (
          <Card
            title="Persona"
            description="Plume never hides that posts are AI-assisted: the disclosure line is required."
          >
            <PersonaFields values={persona} onChange={setPersona} problems={problems} disabled={!canEdit} />
          </Card>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        {canEdit ? (
          <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
            Save profile
          </Button>
        ) : null}
        {save.isSuccess ? <StatusMessage>Saved.</StatusMessage> : null}
      </div>
      {canPreview ? (
        <Card
          title="Preview"
          description="A short sample in this voice, written by your models with the form as it is now."
        >
          <VoicePreview workspaceId={workspace.id} profile={body} />
        </Card>
      ) : null}
    </form>
  );
}
