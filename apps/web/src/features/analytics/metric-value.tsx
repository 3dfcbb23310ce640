/**
 * A number of the analytics page, or, when unknown, a dash with the reason in words beside it (never 0).
 * @example <MetricValue text={formatCount(row.engagements)} known={row.engagements !== null} reason="not reported by Mastodon" />
 */
export function MetricValue({ text, known, reason }: { text: string; known: boolean; reason: string }) {
  if (known) return <>{text}</>;
  return (
    <span className="text-muted">
      <span aria-hidden="true">— </span>
      <span className="text-xs">{reason}</span>
    </span>
  );
}
