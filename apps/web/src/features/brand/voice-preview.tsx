import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { previewResponse, type SaveProfileBody } from '@plume/contract/content/content-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { api } from '../../lib/api.ts';
import { hasErrorCode } from '../../lib/field-errors.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { QualityScore } from '../posts/ai-writer-quality.tsx';
import { BRAND_FIELD_LABELS } from './brand-form-values.ts';

/** The preview sends the form as `profile`: its problems are the form's fields one level down. */
const PREVIEW_LABELS = Object.fromEntries(
  Object.entries(BRAND_FIELD_LABELS).map(([path, label]) => [`profile/${path}`, label]),
);

/** "Preview this voice": a short sample written with the profile as it is in the form, and its score. */
export function VoicePreview({ workspaceId, profile }: { workspaceId: string; profile: () => SaveProfileBody }) {
  const preview = useMutation({
    mutationFn: () =>
      api.post(`${workspacePath(workspaceId)}/brand-profile/preview`, { profile: profile() }, previewResponse),
  });
  const networkName = useNetworkName();
  const needsModels = hasErrorCode(preview.error, 'llm_budget_exceeded', 'llm_unavailable');
  return (
    <div className="space-y-3" aria-busy={preview.isPending}>
      <Button
        variant="secondary"
        onClick={() => preview.mutate()}
        isPending={preview.isPending}
        pendingLabel="Writing a sample…"
      >
        Preview this voice
      </Button>
      <FormAlert error={preview.error} labels={PREVIEW_LABELS}>
        {needsModels ? (
          <p className="mt-1">
            <Link to="/w/$workspaceId/models" params={{ workspaceId }} className={textLinkClasses}>
              Check the models and budget
            </Link>
          </p>
        ) : null}
      </FormAlert>
      {preview.data ? (
        <figure className="space-y-2 rounded-md border border-line bg-subtle p-3" aria-label="Voice sample">
          <blockquote className="text-sm whitespace-pre-wrap text-ink">{preview.data.sample.text}</blockquote>
          <figcaption className="text-xs text-muted">
            Sample for {networkName(preview.data.network)}: {preview.data.sample.count} / {preview.data.sample.limit}
          </figcaption>
          <QualityScore quality={preview.data.sample.quality} />
          {preview.data.warnings.map((warning) => (
            <p key={warning} className="text-xs text-warning">
              {warning}
            </p>
          ))}
        </figure>
      ) : null}
    </div>
  );
}
