const usdFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const numberFormat = new Intl.NumberFormat('en-US');

/** US dollars, with up to four decimals for the small amounts model calls cost: `$0.0042`. */
export function formatUsd(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : usdFormat.format(value);
}

/** A count with thousands separators: `12,345`. */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** Bytes in the largest fitting binary unit: `1.9 GB` (Ollama's own convention, 1024-based). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A 0–1 share as a whole percent: `0.953` → `95 %`. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** Milliseconds as people read them: `850 ms`, `2.4 s`. */
export function formatLatency(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** How much of a cap is used, 0–100 (capped), or null without a cap. */
export function percentOfCap(used: number, cap: number | null): number | null {
  if (cap === null) return null;
  if (cap <= 0) return 100;
  return Math.min(100, Math.round((used / cap) * 100));
}

/**
 * Reads a cap typed in a form: empty means no cap (null); otherwise a number ≥ 0, or undefined when
 * it is not a number (the form says so).
 * @example parseCap('') // null
 * @example parseCap('2.50') // 2.5
 */
export function parseCap(input: string): number | null | undefined {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The words for a routing mode or task id: `best_quality` → `Best quality`. */
export function humanizeId(id: string): string {
  const spaced = id.replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const providerKindNames: Readonly<Record<string, string>> = {
  ollama: 'Ollama',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  groq: 'Groq',
  perplexity: 'Perplexity',
  meta: 'Meta Llama API',
  openai_compatible: 'OpenAI-compatible',
};

/** A model provider's kind as the vendor writes its name: `openai` → `OpenAI`, `meta` → `Meta Llama API`. */
export function providerKindName(kind: string): string {
  return providerKindNames[kind] ?? humanizeId(kind);
}

/**
 * Why Ollama is down, said once: the server's reason already names the address and what to do
 * ("Ollama is not running at …: start it with `ollama serve`."), so it is shown as it is.
 */
export function ollamaDownMessage(version: { url: string; reason: string | null }): string {
  return (
    version.reason ?? `Plume could not reach Ollama at ${version.url}. Start it with \`ollama serve\` on that machine.`
  );
}
