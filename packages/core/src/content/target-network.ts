/**
 * The slice of a network's manifest that content logic reads: how long a post may be and how it is
 * counted, threads, hashtags and alt text. Taking a slice (not the provider) keeps this folder free of
 * HTTP and lets tests describe a network in one line.
 */
import type { NetworkManifest } from '@plume/networks/contract';
import type { TextLimit } from '@plume/networks/text/fit-text';

export type TargetNetwork = Pick<NetworkManifest, 'id' | 'name' | 'text' | 'thread' | 'hashtags'> & {
  media: Pick<NetworkManifest['media'], 'altText' | 'maxItems'>;
};

/** The network's post-body limit in the shape `fitsLimit`/`truncateToLimit` take (byte cap included). */
export function textLimitOf(network: TargetNetwork): TextLimit {
  const { limit, count, maxBytes } = network.text;
  return maxBytes === undefined ? { max: limit, method: count } : { max: limit, method: count, maxBytes };
}
