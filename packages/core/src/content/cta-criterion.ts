/**
 * Call to action: the brand's own CTA scores best, then a common imperative phrase (English list);
 * a bare link is half a CTA (readers are not told why to click).
 */
import { findUrls } from '@plume/networks/text/find-urls';
import type { BrandProfile } from '@plume/contract/content/brand-profile';
import type { Verdict } from './criterion.ts';

const ctaPhrases = [
  'learn more',
  'read more',
  'find out',
  'sign up',
  'subscribe',
  'follow',
  'join',
  'try',
  'book',
  'shop',
  'buy',
  'order',
  'download',
  'register',
  'get started',
  'visit',
  'click',
  'tap',
  'link in bio',
  'let me know',
  'let us know',
  'tell us',
  'tell me',
  'comment',
  'share',
  'dm',
  'reply',
  'save this',
  'check out',
  'grab',
  'claim',
  'discover',
  'watch',
];
const ctaPattern = new RegExp(`(?<![\\p{L}\\p{N}])(${ctaPhrases.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function scoreCta(text: string, brand: BrandProfile): Verdict {
  const normalized = ` ${normalize(text)} `;
  const brandCta = brand.ctaDefaults.find((cta) => normalize(cta) && normalized.includes(` ${normalize(cta)} `));
  if (brandCta) return { score: 1, reason: `It uses the brand's call to action "${brandCta}".` };
  const phrase = ctaPattern.exec(text)?.[1];
  if (phrase) return { score: 1, reason: `It has a call to action ("${phrase.toLowerCase()}").` };
  const example = brand.ctaDefaults[0] ? ` (e.g. "${brand.ctaDefaults[0]}")` : '';
  if (findUrls(text).length > 0)
    return { score: 0.5, reason: `It has a link but does not say what to do with it${example}.` };
  return { score: 0, reason: `There is no call to action; tell readers what to do next${example}.` };
}
