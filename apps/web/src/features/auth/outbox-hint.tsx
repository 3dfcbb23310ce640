/** Explains where mail goes on an instance without SMTP. */
export function OutboxHint() {
  return (
    <p className="text-sm text-muted">
      No mail? If this Plume instance has no SMTP server configured, mail is not sent: the instance admin can read it at{' '}
      <strong className="font-medium text-ink">Admin → Outbox</strong> and open the link there.
    </p>
  );
}
