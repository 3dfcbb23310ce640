/**
 * The URLs Mastodon's `StatusLengthValidator` counts as 23: `Extractor.extract_urls_with_indices(text,
 * extract_url_without_protocol: false)`, i.e. the Ruby twitter-text 3.1 regexes (`regex.rb`) with
 * Mastodon's overrides (`config/initializers/twitter_regex.rb`): a scheme is required and may be one of
 * http(s), dat, dweb, ipfs, ipns, ssb, gopher, gemini; the host must end in a known TLD (twitter-text's
 * list, so not `localhost` or an IP); the path takes any non-space character but `<>()?` and may not end
 * in punctuation like `.,;:!~&|@"'`; a URL longer than 4,096 characters is no URL.
 */
import twitterText from 'twitter-text';
import type { TextSpan } from './find-urls.ts';

const directional = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const invalid = '\\uFFFE\\uFEFF\\uFFFF';
const spaces = '\\t-\\r \\u0085\\u00A0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const punctuation = '!"#$%&\'()*+,\\-.\\/:;<=>?@\\[\\]\\^_`{|}~';
const latinAccents =
  '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';
const uchars =
  '\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF\\u{10000}-\\u{1FFFD}\\u{20000}-\\u{2FFFD}\\u{30000}-\\u{3FFFD}\\u{40000}-\\u{4FFFD}' +
  '\\u{50000}-\\u{5FFFD}\\u{60000}-\\u{6FFFD}\\u{70000}-\\u{7FFFD}\\u{80000}-\\u{8FFFD}\\u{90000}-\\u{9FFFD}\\u{A0000}-\\u{AFFFD}' +
  '\\u{B0000}-\\u{BFFFD}\\u{C0000}-\\u{CFFFD}\\u{D0000}-\\u{DFFFD}\\u{E1000}-\\u{EFFFD}\\uE000-\\uF8FF\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}';

// twitter-text regex.rb: preceding character, domain (TLD lists shared with twitter-text JS 3.1).
const preceding = `(?:[^A-Z0-9@＠$#＃${invalid}]|[${directional}]|^)`;
const domainChar = `[^${directional}${punctuation}\\x00-\\x1F\\x7F${invalid}${spaces}]`;
const subdomain = `(?:(?:${domainChar}(?:[_\\-]|${domainChar})*)?${domainChar}\\.)`;
const domainName = `(?:(?:${domainChar}(?:-|${domainChar})*)?${domainChar}\\.)`;
const tld = `(?:${twitterText.regexen.validGTLD.source}|${twitterText.regexen.validCCTLD.source}|(?:xn--[0-9a-z]+))`;
const domain = `(?:${subdomain}*${domainName}${tld})`;

// twitter-text's own path characters: Mastodon's ending characters still use its balanced parentheses.
const twitterPathChar = `[a-z\\p{Script=Cyrillic}0-9!*';:=+,.$\\/%#\\[\\]\\p{Pd}_~&|@${latinAccents}]`;
const twitterParens = `\\((?:${twitterPathChar}+|(?:${twitterPathChar}*\\(${twitterPathChar}+\\)${twitterPathChar}*))\\)`;

// Mastodon's overrides.
const pathChar = '[^\\p{White_Space}<>()?]';
const pathEnd = `(?:[^\\p{White_Space}()?!*"'「」<>;:=,.$%\\[\\]~&|@]|${twitterParens})`;
const parens = `\\((?:${pathChar}+|(?:${pathChar}*\\(${pathChar}+\\)${pathChar}*))\\)`;
const path = `(?:(?:${pathChar}*(?:${parens}${pathChar}*)*${pathEnd})|(?:${pathChar}+\\/))`;
const query = `\\?[a-z0-9!?*'();:&=+$\\/%#\\[\\]\\-_.,~|@\\^${uchars}]*[a-z0-9_&=#\\/\\-${uchars}]`;
const scheme = '(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini):\\/\\/';

const validUrl = new RegExp(`(${preceding})((${scheme})?(${domain})(?::[0-9]+)?(\\/${path}*)?(?:${query})?)`, 'giu');
const tcoUrl = /^https?:\/\/t\.co\/([a-z0-9]+)/i;
const maxUrlLength = 4096;
const maxTcoSlugLength = 40;

/**
 * Spans of the URLs Mastodon shortens to 23 characters when it counts a status.
 *
 * @example findMastodonUrls('日本https://example.com') // [{ start: 2, end: 21 }]
 */
export function findMastodonUrls(text: string): TextSpan[] {
  if (!text.includes(':')) return [];
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(validUrl)) {
    const [, before = '', found = '', protocol, host = ''] = match;
    if (protocol === undefined) continue;
    const start = match.index + before.length;
    let url = found;
    const tco = tcoUrl.exec(url);
    if (tco !== null) {
      if ((tco[1] ?? '').length > maxTcoSlugLength) continue;
      url = tco[0];
    }
    if (!isValidDomain(url, host)) continue;
    spans.push({ start, end: start + url.length });
  }
  return spans;
}

/** twitter-text `is_valid_domain`: the host converts to ASCII and the URL, so converted, is ≤ 4,096. */
function isValidDomain(url: string, host: string): boolean {
  let ascii: string;
  try {
    ascii = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  const growth = Math.max(0, ascii.length - [...host].length);
  return [...url].length + growth <= maxUrlLength;
}
