import type { GenerationKind, GenerationState } from '@plume/contract/media/media-enums';
import { Button } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { formatTime } from '../../../lib/format-time.ts';
import { promptOf } from './generation-panel.tsx';
import { styleLabel } from './studio-labels.ts';
import type { Generation } from '@plume/contract/media/generation-schemas';

const kindWords: Record<GenerationKind, string> = {
  image: 'Image',
  video: 'Video',
  speech: 'Voice',
  slideshow: 'Slideshow',
};

const stateWords: Record<GenerationState, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

interface RecentGenerationsProps {
  generations: readonly Generation[];
  zone: string;
  openId: string | undefined;
  onOpen: (generationId: string) => void;
}

function summary(generation: Generation): string {
  const { style, aspectRatio } = generation.request;
  const parts = [kindWords[generation.kind]];
  if (typeof style === 'string') parts.push(styleLabel(style));
  if (typeof aspectRatio === 'string') parts.push(aspectRatio);
  const count = generation.resultMediaIds.length;
  if (count > 0) parts.push(count === 1 ? '1 result' : `${count} results`);
  return parts.join(' · ');
}

/** The workspace's latest jobs, newest first; one opens in the results panel above. */
export function RecentGenerations({ generations, zone, openId, onOpen }: RecentGenerationsProps) {
  if (generations.length === 0)
    return (
      <EmptyState title="Nothing generated yet">
        Your generations appear here with their prompt, settings and state. Results wait in the media library until
        someone approves them.
      </EmptyState>
    );
  return (
    <ul aria-label="Recent generations" className="divide-y divide-line">
      {generations.map((generation) => (
        <li key={generation.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium text-ink">{promptOf(generation) || '(no prompt)'}</p>
            <p className="text-xs text-muted">
              {summary(generation)} · {stateWords[generation.state]} · {formatTime(generation.createdAt, zone)}
            </p>
            {generation.state === 'failed' && generation.error ? (
              <p className="text-xs text-danger">{generation.error}</p>
            ) : null}
          </div>
          <Button
            variant="secondary"
            disabled={openId === generation.id}
            aria-label={`Show results of “${promptOf(generation).slice(0, 40)}”`}
            onClick={() => onOpen(generation.id)}
          >
            {openId === generation.id ? 'Shown above' : 'Show'}
          </Button>
        </li>
      ))}
    </ul>
  );
}
