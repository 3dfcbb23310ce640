import { useState } from 'react';
import { Button } from './button.tsx';

async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The Clipboard API needs a secure context; plain-HTTP self-hosts fall back to selecting the text.
    fallbackInput?.select();
    return document.execCommand('copy');
  }
}

interface CopyButtonProps {
  text: string;
  /** The input showing `text`, selected when the clipboard is unavailable. */
  inputRef?: { current: HTMLInputElement | null };
}

/** "Copy" that says "Copied" (announced politely) once the text is on the clipboard. */
export function CopyButton({ text, inputRef }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function handleClick() {
    setState((await copyText(text, inputRef?.current ?? null)) ? 'copied' : 'failed');
  }
  return (
    <div className="flex items-center gap-2">
      <Button variant="secondary" onClick={() => void handleClick()}>
        Copy
      </Button>
      <span role="status" className="text-sm text-muted">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select the text and copy it by hand' : ''}
      </span>
    </div>
  );
}
