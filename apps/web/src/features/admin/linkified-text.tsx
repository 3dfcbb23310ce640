import { Fragment } from 'react';

// Trailing punctuation ends a sentence, not the URL.
const urlPattern = /(https?:\/\/[^\s<>"')\]]*[^\s<>"')\].,;:!?])/g;

/**
 * Plain text with its http(s) URLs turned into links, so a verification link in a kept mail
 * can be opened with one click. Text is never parsed as HTML.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <p className="text-sm break-words whitespace-pre-wrap text-ink">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="font-medium break-all text-accent underline underline-offset-2">
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </p>
  );
}
