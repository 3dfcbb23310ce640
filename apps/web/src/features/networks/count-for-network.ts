/**
 * Counts post text the way each network does, with the server's own code (packages/networks). X and
 * Mastodon counting bring twitter-text (about 35 kB gzipped), so it loads on first use, in its own
 * chunk, and the counters show graphemes for the moment it takes.
 */
import { useEffect, useState } from 'react';
import type { countText } from '@plume/networks/text/count-text';
import type { Network } from '@plume/contract/networks/network-schemas';

type CountText = typeof countText;

let loaded: CountText | undefined;
let loading: Promise<CountText> | undefined;

function loadCounting(): Promise<CountText> {
  loading ??= import('@plume/networks/text/count-text').then((module) => (loaded = module.countText));
  return loading;
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const countGraphemes = (text: string) => Array.from(graphemeSegmenter.segment(text)).length;

function countWith(count: CountText | undefined, text: string, network: Network | undefined): number {
  if (count === undefined || network === undefined) return countGraphemes(text);
  try {
    return count(text, network.text.count);
  } catch {
    return countGraphemes(text); // a count method this web app does not know yet
  }
}

/**
 * A function counting text the way a network does; the component re-renders once counting has loaded.
 *
 * @example const countFor = useCountForNetwork(); countFor('hi example.com', xNetwork) // 26
 */
export function useCountForNetwork(): (text: string, network: Network | undefined) => number {
  const [count, setCount] = useState<CountText | undefined>(() => loaded);
  useEffect(() => {
    if (count !== undefined) return;
    let active = true;
    void loadCounting().then((ready) => {
      if (active) setCount(() => ready);
    });
    return () => {
      active = false;
    };
  }, [count]);
  return (text, network) => countWith(count, text, network);
}
