import { useId, useState, type ChangeEvent } from 'react';
import { fieldClasses } from '../../../components/field-classes.ts';

interface CsvSourceProps {
  csv: string;
  onChange: (csv: string) => void;
}

/** Where the CSV comes from: a file read in the browser, or text pasted into the box (which shows the file too). */
export function CsvSource({ csv, onChange }: CsvSourceProps) {
  const fileId = useId();
  const textId = useId();
  const [readError, setReadError] = useState<string>();

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      setReadError(undefined);
      onChange(await file.text());
    } catch {
      setReadError(`Could not read ${file.name}. Is it a text file?`);
    }
  }

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={fileId} className="mb-1 block text-sm font-medium text-ink">
          CSV file
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => void handleFile(e)}
          className="block text-sm text-muted file:mr-3 file:rounded-md file:border file:border-line file:bg-subtle file:px-3 file:py-1.5 file:text-sm file:text-ink"
        />
        {readError ? (
          <p role="alert" className="mt-1 text-sm text-danger">
            {readError}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={textId} className="mb-1 block text-sm font-medium text-ink">
          CSV text
        </label>
        <textarea
          id={textId}
          name="csv"
          rows={8}
          value={csv}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
          placeholder={'text,accounts,scheduled_at\n"Hello, world",<account id>,2031-07-01 09:00'}
          className={`${fieldClasses(false)} font-mono text-xs`}
          aria-describedby={`${textId}-hint`}
        />
        <p id={`${textId}-hint`} className="mt-1 text-sm text-muted">
          Pick a file above or paste its contents here.
        </p>
      </div>
    </div>
  );
}
