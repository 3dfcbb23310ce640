import type { MediaApproval } from '@plume/contract/media/media-enums';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { AltTextField } from './alt-text-field.tsx';
import { mediaFileUrl } from './media-url.ts';
import { useReviewMedia } from './studio-queries.ts';
import { formatCostMicros, styleLabel } from './studio-labels.ts';
import type { VaultItem } from '@plume/contract/media/vault-schemas';

interface ResultCardProps {
  workspaceId: string;
  media: VaultItem;
  /** What made it, when the item itself does not carry it. */
  fallback: { provider: string | null; model: string | null; prompt: string; costMicros: number | null };
  canEdit: boolean;
}

const approvalWords: Record<MediaApproval, string> = {
  pending: 'Waiting for approval',
  approved: 'Approved',
  rejected: 'Rejected',
};

const approvalClasses: Record<MediaApproval, string> = {
  pending: 'bg-warning-soft text-warning',
  approved: 'bg-success-soft text-success',
  rejected: 'bg-danger-soft text-danger',
};

function Preview({ workspaceId, media, label }: { workspaceId: string; media: VaultItem; label: string }) {
  const src = mediaFileUrl(workspaceId, media);
  if (media.kind === 'video') return <video src={src} controls className="aspect-square w-full bg-subtle" />;
  if (media.kind === 'audio') return <audio src={src} controls aria-label={label} className="w-full" />;
  return <img src={src} alt={media.altText ?? label} className="aspect-square w-full bg-subtle object-contain" />;
}

/** One result: the file, the "AI-generated" badge, how it was made, approve or reject, and its alt text. */
export function ResultCard({ workspaceId, media, fallback, canEdit }: ResultCardProps) {
  const review = useReviewMedia(workspaceId);
  const made = media.provenance;
  const provider = made?.provider ?? fallback.provider ?? 'unknown provider';
  const model = made?.model ?? fallback.model ?? 'unknown model';
  const prompt = made?.prompt ?? fallback.prompt;
  const cost = made?.costMicros ?? fallback.costMicros;
  const style = made?.style;
  const label = `Result ${media.fileName}`;
  return (
    <li aria-label={label} className="overflow-hidden rounded-lg border border-line bg-surface">
      <Preview workspaceId={workspaceId} media={media} label={label} />
      <div className="space-y-3 p-3">
        <div className="flex flex-wrap gap-2 text-xs font-medium">
          {media.aiGenerated ? (
            <span className="rounded bg-accent-soft px-2 py-0.5 text-accent">AI-generated</span>
          ) : null}
          <span className={`rounded px-2 py-0.5 ${approvalClasses[media.approval]}`}>
            {approvalWords[media.approval]}
          </span>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          <dt className="text-muted">Made by</dt>
          <dd>
            {provider} · {model}
          </dd>
          <dt className="text-muted">Cost</dt>
          <dd>{formatCostMicros(cost)}</dd>
          {style ? (
            <>
              <dt className="text-muted">Style</dt>
              <dd>{styleLabel(style)}</dd>
            </>
          ) : null}
          <dt className="text-muted">Prompt</dt>
          <dd className="break-words">{prompt}</dd>
        </dl>
        {canEdit && media.approval !== 'approved' ? (
          <div className="flex gap-2">
            <Button
              isPending={review.isPending && review.variables.approval === 'approved'}
              onClick={() => review.mutate({ mediaId: media.id, approval: 'approved' })}
            >
              Approve
            </Button>
            {media.approval === 'pending' ? (
              <Button
                variant="secondary"
                isPending={review.isPending && review.variables.approval === 'rejected'}
                onClick={() => review.mutate({ mediaId: media.id, approval: 'rejected' })}
              >
                Reject
              </Button>
            ) : null}
          </div>
        ) : null}
        {review.isError ? <FormAlert error={review.error} /> : null}
        {media.kind === 'image' ? (
          <AltTextField workspaceId={workspaceId} mediaId={media.id} initial={media.altText} canEdit={canEdit} />
        ) : null}
      </div>
    </li>
  );
}
