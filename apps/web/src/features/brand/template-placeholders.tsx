import { isPlaceholderName, placeholderMeanings, placeholdersIn } from './template-text.ts';
import type { PlaceholderName } from '@plume/contract/content/content-enums';

interface TemplatePlaceholdersProps {
  skeleton: string;
  required: readonly PlaceholderName[];
}

/** The placeholders a skeleton uses, each with what it is filled with and whether it is required. */
export function TemplatePlaceholders({ skeleton, required }: TemplatePlaceholdersProps) {
  const names = placeholdersIn(skeleton);
  if (names.length === 0) return <p className="text-xs text-muted">No placeholders: the skeleton is sent as it is.</p>;
  return (
    <dl className="grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
      {names.map((name) => (
        <div key={name} className="contents">
          <dt>
            <code className="rounded bg-subtle px-1 text-ink">{`{{${name}}}`}</code>
          </dt>
          <dd className="text-muted">
            {isPlaceholderName(name) ? (
              placeholderMeanings[name]
            ) : (
              <span className="text-danger">Not a placeholder Plume knows.</span>
            )}
            {isPlaceholderName(name) && required.includes(name) ? (
              <span className="font-medium text-ink"> Required.</span>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
