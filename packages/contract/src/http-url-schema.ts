import { z } from 'zod';

export const httpUrlMessage = 'Enter a web address that starts with https:// or http://';

/**
 * A web address that people open or Plume fetches: http and https only, so `javascript:`, `data:`,
 * `file:` and the like are refused at the boundary with a plain message instead of being stored and
 * later rendered as a link or image. The one schema for URL fields in requests.
 * @example httpUrlSchema().parse('https://example.com/a.png') // ok; 'javascript:alert(1)' fails
 */
export function httpUrlSchema(maxLength = 2000) {
  return z
    .url({ protocol: /^https?$/, error: httpUrlMessage })
    .max(maxLength, `Use at most ${maxLength.toLocaleString('en')} characters`);
}
