import { countText } from '@plume/networks/text/count-text';
import type { Network } from './network-types.ts';

/** Counts text the way the network does (falls back to graphemes if the method is unknown). */
export function countForNetwork(text: string, network: Network | undefined): number {
  try {
    return countText(text, network?.text.count ?? { kind: 'graphemes' });
  } catch {
    return countText(text, { kind: 'graphemes' });
  }
}
