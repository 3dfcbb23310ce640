import type { Quality } from '@plume/contract/content/content-schemas';
import { useId, useState } from 'react';
import { criterionLabel } from './ai-writer-revisions.ts';

function scoreTone(score: number): string {
  if (score >= 75) return 'bg-success-soft text-success';
  if (score >= 50) return 'bg-warning-soft text-warning';
  return 'bg-danger-soft text-danger';
}

/** A 0–100 quality score with its reasons behind a disclosure button. */
export function QualityScore({ quality }: { quality: Quality | null }) {
  const [isOpen, setIsOpen] = useState(false);
  const id = useId();
  if (!quality) return <p className="text-xs text-muted">Not scored.</p>;
  const score = Math.round(quality.score);
  return (
    <div className="text-sm">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setIsOpen(!isOpen)}
        className="inline-flex items-center gap-2 rounded-md text-left hover:underline"
      >
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${scoreTone(score)}`}>
          Quality {score} / 100
        </span>
        <span className="text-xs text-muted">{isOpen ? 'Hide reasons' : 'Why?'}</span>
      </button>
      {isOpen ? (
        <ul id={id} className="mt-2 space-y-1 text-xs text-muted">
          {quality.criteria.map((criterion) => (
            <li key={criterion.id}>
              <span className="font-medium text-ink">{criterionLabel(criterion.id)}</span>
              {criterion.score === null ? ' (not scored)' : ` ${Math.round(criterion.score * 100)} %`}:{' '}
              {criterion.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
