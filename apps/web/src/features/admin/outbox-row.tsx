import { useId, useState } from 'react';
import { formatTime } from '../../lib/format-time.ts';
import { LinkifiedText } from './linkified-text.tsx';
import type { OutboxMail } from '@plume/contract/admin/outbox-schemas';

/** One kept mail; its subject is a button that shows or hides the text below the row. */
export function OutboxRow({ mail, timeZone }: { mail: OutboxMail; timeZone: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const bodyId = useId();
  return (
    <>
      <tr className={isOpen ? 'border-b-0 align-top' : 'align-top'}>
        <td className="py-3 pr-4 break-all text-ink">{mail.to}</td>
        <td className="py-3 pr-4">
          <button
            type="button"
            aria-expanded={isOpen}
            aria-controls={bodyId}
            onClick={() => setIsOpen(!isOpen)}
            className="group inline-flex items-start gap-1 rounded text-left font-medium text-ink hover:text-accent"
          >
            <span aria-hidden="true" className={`inline-block transition-transform ${isOpen ? 'rotate-90' : ''}`}>
              ›
            </span>
            {mail.subject}
          </button>
        </td>
        <td className="py-3 whitespace-nowrap">{formatTime(mail.createdAt, timeZone, { withZone: false })}</td>
      </tr>
      <tr id={bodyId} hidden={!isOpen}>
        <td colSpan={3} className="pb-4">
          <div className="rounded-md border border-line bg-subtle p-3">
            <LinkifiedText text={mail.text} />
          </div>
        </td>
      </tr>
    </>
  );
}
