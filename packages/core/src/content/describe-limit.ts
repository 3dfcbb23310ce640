/**
 * Says a network's text limit the way the network counts it, in words a model (and a user) can act on:
 * "280 weighted characters (URLs count 23, emoji and CJK characters count 2)", "300 graphemes…".
 */
import type { TextLimit } from '@plume/networks/text/fit-text';
import { mastodonUrlLength } from '@plume/networks/text/mastodon-count';
import { twitterTextV3 } from '@plume/networks/text/weighted-count';

const numberFormat = new Intl.NumberFormat('en-US');

/**
 * @example describeTextLimit({ max: 300, method: { kind: 'graphemes' } })
 * // '300 graphemes (user-perceived characters; an emoji counts 1)'
 */
export function describeTextLimit(limit: TextLimit): string {
  const max = numberFormat.format(limit.max);
  const method = limit.method;
  switch (method.kind) {
    case 'weighted': {
      const config = method.config ?? twitterTextV3;
      const heavy = config.defaultWeight / config.scale;
      return `${max} weighted characters (URLs count ${config.transformedUrlLength}, emoji and CJK characters count ${heavy})`;
    }
    case 'graphemes':
      return `${max} graphemes (user-perceived characters; an emoji counts 1)`;
    case 'utf16_units':
      return `${max} characters (an emoji counts 2)`;
    case 'utf8_bytes':
      return `${max} bytes of UTF-8 (an accented letter counts 2, an emoji 4)`;
    case 'emoji_utf8':
      return `${max} characters (an emoji counts 4 or more)`;
    case 'mastodon':
      return `${max} characters (URLs count ${method.urlLength ?? mastodonUrlLength})`;
  }
}

/** Just the unit of a limit: 'weighted characters', 'graphemes', 'characters', 'bytes of UTF-8'. */
export function describeUnit(limit: TextLimit): string {
  return describeTextLimit(limit)
    .replace(/^[\d,]+ /, '')
    .replace(/ \(.*\)$/, '');
}
