import { useEffect, useId, useRef } from 'react';
import type { CreatedApiKey } from '@plume/contract/api-keys/api-key-schemas';
import { Button } from '../../components/button.tsx';
import { CopyButton } from '../../components/copy-button.tsx';

interface NewApiKeyPanelProps {
  apiKey: CreatedApiKey;
  onDone: () => void;
}

/** Shows a freshly created key once, with Copy and a clear "won't be shown again" warning. */
export function NewApiKeyPanel({ apiKey, onDone }: NewApiKeyPanelProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  return (
    <section className="space-y-3 rounded-lg border border-warning/40 bg-warning-soft p-4">
      <h3 className="font-semibold text-ink">API key “{apiKey.name}” created</h3>
      <p className="text-sm text-warning">Copy this key now and store it somewhere safe. It won’t be shown again.</p>
      <label htmlFor={inputId} className="block text-sm font-medium text-ink">
        API key
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          id={inputId}
          ref={inputRef}
          readOnly
          value={apiKey.key}
          spellCheck={false}
          className="block w-full rounded-md border border-line-strong bg-surface px-3 py-2 font-mono text-sm text-ink"
        />
        <CopyButton text={apiKey.key} inputRef={inputRef} />
      </div>
      <Button variant="secondary" onClick={onDone}>
        Done
      </Button>
    </section>
  );
}
