/**
 * A persona's posts carry its AI disclosure, as the persona states it, on their last line: Plume never
 * hides that a character account is automated. The line is added by Plume (not left to the model),
 * and the room it takes is kept free: the model and the repair see the network's limit minus it.
 */
import { countText } from '@plume/networks/text/count-text';
import type { TargetNetwork } from './target-network.ts';

const separator = '\n\n';

/** The network with its text limit (and byte cap, where it has one) lowered by the room the disclosure line takes. */
export function reserveDisclosure(target: TargetNetwork, disclosure: string | undefined): TargetNetwork {
  if (!disclosure) return target;
  const room = countText(separator + disclosure, target.text.count);
  const text = { ...target.text, limit: Math.max(1, target.text.limit - room) };
  if (text.maxBytes !== undefined)
    text.maxBytes = Math.max(1, text.maxBytes - countText(separator + disclosure, { kind: 'utf8_bytes' }));
  return { ...target, text };
}

/** The body with the disclosure line after it (once). */
export function appendDisclosure(body: string, disclosure: string | undefined): string {
  if (!disclosure) return body;
  const trimmed = body.trimEnd();
  if (trimmed.endsWith(disclosure)) return trimmed;
  return trimmed ? `${trimmed}${separator}${disclosure}` : disclosure;
}

/** The body without the disclosure line, for rewriting (the line is added back afterwards). */
export function removeDisclosure(text: string, disclosure: string | undefined): string {
  if (!disclosure) return text;
  const trimmed = text.trimEnd();
  return trimmed.endsWith(disclosure) ? trimmed.slice(0, trimmed.length - disclosure.length).trimEnd() : text;
}
