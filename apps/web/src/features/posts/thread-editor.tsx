import { Button } from '../../components/button.tsx';
import { fieldClasses } from '../../components/field-classes.ts';

interface ThreadEditorProps {
  parts: string[];
  onChange: (parts: string[]) => void;
}

/** Later parts of a thread: each its own post, published as replies to the first. */
export function ThreadEditor({ parts, onChange }: ThreadEditorProps) {
  return (
    <div className="space-y-3">
      {parts.map((part, index) => (
        <div key={index}>
          <div className="mb-1 flex items-center justify-between">
            <label htmlFor={`thread-part-${index}`} className="text-sm font-medium text-ink">
              Thread part {index + 2}
            </label>
            <button
              type="button"
              className="text-xs text-danger underline"
              onClick={() => onChange(parts.filter((_, i) => i !== index))}
            >
              Remove<span className="sr-only"> thread part {index + 2}</span>
            </button>
          </div>
          <textarea
            id={`thread-part-${index}`}
            rows={3}
            value={part}
            className={fieldClasses(false)}
            onChange={(e) => onChange(parts.map((p, i) => (i === index ? e.target.value : p)))}
          />
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...parts, ''])}>
        Add thread part
      </Button>
    </div>
  );
}
