/**
 * How long a reply may be on its network, counted the network's way (the account's own limit where
 * the provider knows one, e.g. a Mastodon server's). A reply over the limit is refused at its field
 * before anything is stored or sent.
 */
import type { NetworkProvider } from '@plume/networks/contract';
import { fitsLimit, type TextLimit } from '@plume/networks/text/fit-text';
import { AppError } from '@plume/errors/app-error';
import { describeTextLimit } from '../../content/describe-limit.ts';

/** The network's text limit for a reply from this account. */
export function replyLimit(provider: NetworkProvider, metadata: Readonly<Record<string, string>>): TextLimit {
  const rules = provider.textRulesFor?.(metadata, {}) ?? provider.manifest.text;
  const { limit, count, maxBytes } = rules;
  return maxBytes === undefined ? { max: limit, method: count } : { max: limit, method: count, maxBytes };
}

/** Throws a 400 at `path` when the text does not fit the network's limit. */
export function checkReplyLength(input: {
  provider: NetworkProvider;
  metadata: Readonly<Record<string, string>>;
  text: string;
  path: string;
}): void {
  const limit = replyLimit(input.provider, input.metadata);
  const check = fitsLimit(input.text, limit);
  if (check.fits) return;
  const name = input.provider.manifest.name;
  const message =
    check.refusedCharacter !== undefined
      ? `${name} refuses the character ${JSON.stringify(check.refusedCharacter)}; remove it.`
      : `${name} allows at most ${describeTextLimit(limit)} in a reply; this one has ${check.count}.`;
  throw AppError.validation(input.path, message);
}
