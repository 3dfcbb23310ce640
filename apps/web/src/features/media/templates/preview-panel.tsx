import { ASPECT_SIZES, type AspectRatio } from '@plume/contract/media/media-enums';
import { errorMessageOf } from '../../../lib/field-errors.ts';
import { ApiError } from '../../../lib/api.ts';
import type { LivePreview } from './use-live-preview.ts';

interface PreviewPanelProps {
  preview: LivePreview;
  aspectRatio: AspectRatio;
  templateName: string;
  /** Required fields still empty: the preview waits for them. */
  missing: readonly string[];
  /** Why there is no preview at all (a viewer's role), said in its place. */
  notice?: string | undefined;
  /** A carousel's slide count and the slide shown; undefined for single images. */
  slides?: { count: number; shown: number; onShow: (slide: number) => void } | undefined;
}

function refusalText(error: unknown): string {
  // Field problems are shown at their fields; here a short sentence is enough.
  if (error instanceof ApiError && error.code === 'validation_failed')
    return 'The preview waits until the fields marked in red are fixed.';
  return `The preview could not be drawn: ${errorMessageOf(error)}`;
}

/** The live preview: the last PNG drawn, a spinner while the next renders, and why it cannot be drawn. */
export function PreviewPanel({ preview, aspectRatio, templateName, missing, notice, slides }: PreviewPanelProps) {
  const size = ASPECT_SIZES[aspectRatio];
  const waiting = missing.length > 0 || notice !== undefined;
  return (
    <div className="space-y-3">
      <div
        className="relative mx-auto w-full max-w-md overflow-hidden rounded-md border border-line bg-subtle"
        style={{ aspectRatio: `${size.width} / ${size.height}` }}
      >
        {preview.url && !waiting ? (
          <img
            src={preview.url}
            alt={`Preview of the ${templateName} at ${aspectRatio}`}
            data-testid="template-preview"
            className={`size-full object-contain transition-opacity ${preview.isRendering || preview.error ? 'opacity-60' : ''}`}
          />
        ) : null}
        {waiting ? (
          <p className="absolute inset-0 flex items-center justify-center p-6 text-center text-sm text-muted">
            {notice ?? `Fill in ${missing.join(', ')} to see the preview.`}
          </p>
        ) : null}
        {preview.isRendering && !waiting ? (
          <div
            role="status"
            className="absolute top-2 right-2 flex items-center gap-2 rounded bg-surface/90 px-2 py-1 text-xs text-muted"
          >
            <span
              aria-hidden="true"
              className="size-3 animate-spin rounded-full border-2 border-line-strong border-t-accent"
            />
            Rendering…
          </div>
        ) : null}
      </div>
      <p className="text-center text-xs text-muted">
        {size.width}×{size.height} pixels · {size.label}
      </p>
      {preview.error && !waiting ? (
        <p role="alert" className="text-sm text-danger">
          {refusalText(preview.error)}
        </p>
      ) : null}
      {slides && slides.count > 1 ? (
        <div role="group" aria-label="Slide shown in the preview" className="flex flex-wrap justify-center gap-1">
          {Array.from({ length: slides.count }, (_, index) => (
            <button
              key={index}
              type="button"
              aria-pressed={slides.shown === index}
              onClick={() => slides.onShow(index)}
              className="size-8 rounded-md border border-line-strong text-xs text-ink aria-pressed:border-accent aria-pressed:bg-accent-soft"
            >
              <span className="sr-only">Show slide </span>
              {index + 1}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
