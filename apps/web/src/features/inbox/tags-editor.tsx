import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/button.tsx';
import { fieldClasses } from '../../components/field-classes.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';

interface TagsEditorProps {
  tags: readonly string[];
  /** Tags used elsewhere in the workspace, offered as suggestions. */
  known: readonly string[];
  disabled: boolean;
  error: unknown;
  onChange: (tags: string[]) => void;
}

const tagPattern = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;

/** The field's own check, in the API's words, so a bad tag is named before it is sent. */
function tagProblem(tag: string, tags: readonly string[]): string | undefined {
  if (tag.length === 0) return 'Enter a tag';
  if (tag.length > 40) return 'A tag has at most 40 characters';
  if (!tagPattern.test(tag)) return 'A tag is letters, digits, spaces, - and _';
  if (tags.includes(tag)) return 'This tag is already on the conversation';
  if (tags.length >= 20) return 'At most 20 tags';
  return undefined;
}

/** The conversation's tags: remove one, or add one (suggesting tags the workspace already uses). */
export function TagsEditor({ tags, known, disabled, error, onChange }: TagsEditorProps) {
  const inputId = useId();
  const listId = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const message = problem ?? (error ? errorMessageOf(error) : undefined);

  function handleAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tag = draft.trim();
    const found = tagProblem(tag, tags);
    setProblem(found);
    if (found) return;
    onChange([...tags, tag]);
    setDraft('');
  }

  return (
    <div>
      <p className="mb-1 text-sm font-medium text-ink">Tags</p>
      {tags.length > 0 ? (
        <ul className="mb-2 flex flex-wrap gap-1" aria-label="Tags">
          {tags.map((tag) => (
            <li
              key={tag}
              className="flex items-center gap-1 rounded-full border border-accent/40 bg-accent-soft px-2 py-0.5 text-xs text-accent"
            >
              #{tag}
              <button
                type="button"
                disabled={disabled}
                aria-label={`Remove tag ${tag}`}
                onClick={() => onChange(tags.filter((item) => item !== tag))}
                className="rounded px-1 hover:bg-surface"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-2 text-xs text-muted">No tags yet.</p>
      )}
      <form noValidate onSubmit={handleAdd} className="flex gap-2">
        <label htmlFor={inputId} className="sr-only">
          New tag
        </label>
        <input
          id={inputId}
          list={listId}
          value={draft}
          disabled={disabled}
          placeholder="Add a tag"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${inputId}-error` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          className={fieldClasses(Boolean(message))}
        />
        <datalist id={listId}>
          {known
            .filter((tag) => !tags.includes(tag))
            .map((tag) => (
              <option key={tag} value={tag} />
            ))}
        </datalist>
        <Button type="submit" variant="secondary" disabled={disabled}>
          Add tag
        </Button>
      </form>
      {message ? (
        <p id={`${inputId}-error`} className="mt-1 text-sm text-danger">
          {message}
        </p>
      ) : null}
    </div>
  );
}
