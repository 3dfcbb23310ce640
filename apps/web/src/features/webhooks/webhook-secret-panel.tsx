import { useEffect, useId, useRef } from 'react';
import { Button } from '../../components/button.tsx';
import { CopyButton } from '../../components/copy-button.tsx';

interface WebhookSecretPanelProps {
  title: string;
  secret: string;
  /** Said under the warning, e.g. how long the old secret keeps working. */
  note?: string;
  onDone: () => void;
}

/** A signing secret shown once, with Copy and a clear "won't be shown again" warning. */
export function WebhookSecretPanel({ title, secret, note, onDone }: WebhookSecretPanelProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  return (
    <section className="space-y-3 rounded-lg border border-warning/40 bg-warning-soft p-4">
      <h3 className="font-semibold text-ink">{title}</h3>
      <p className="text-sm text-warning">
        Copy the signing secret now and store it with your receiver. It won’t be shown again.
      </p>
      {note ? <p className="text-sm text-ink">{note}</p> : null}
      <label htmlFor={inputId} className="block text-sm font-medium text-ink">
        Signing secret
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          id={inputId}
          ref={inputRef}
          readOnly
          value={secret}
          spellCheck={false}
          className="block w-full rounded-md border border-line-strong bg-surface px-3 py-2 font-mono text-sm text-ink"
        />
        <CopyButton text={secret} inputRef={inputRef} />
      </div>
      <Button variant="secondary" onClick={onDone}>
        Done
      </Button>
    </section>
  );
}
