import type { ShownRevision } from './ai-writer-revisions.ts';

/** A revision's title and further thread parts (read-only), and what is over a limit or was left out. */
export function AiWriterParts({ revision, networkName }: { revision: ShownRevision; networkName: string }) {
  return (
    <>
      {revision.title ? (
        <p className="text-sm text-ink">
          <span className="text-xs font-medium text-muted">Title: </span>
          <span data-testid="ai-title">{revision.title}</span>
        </p>
      ) : null}
      {revision.thread.length > 0 ? (
        <ol
          aria-label={`${networkName} thread parts`}
          start={2}
          className="list-decimal space-y-1 pl-5 text-sm text-ink"
        >
          {revision.thread.map((part, index) => (
            <li key={index} className="whitespace-pre-wrap">
              {part}
            </li>
          ))}
        </ol>
      ) : null}
      {revision.warnings.length > 0 ? (
        <ul aria-label={`${networkName} notes`} className="space-y-1 text-xs text-danger">
          {revision.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
