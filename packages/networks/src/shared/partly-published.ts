/**
 * A post whose first part went out but a later one (a thread reply, the first comment) did not.
 * What is online must never be sent again, so this is not a failure to retry: the engine records
 * the post as published, with what is online and a warning saying what is missing.
 */
import type { PublishedItem, PublishResult } from '../contract.ts';
import { isProviderError } from '../provider-errors.ts';

export class PartlyPublished extends Error {
  readonly published: PublishResult;

  constructor(message: string, published: PublishResult, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'PartlyPublished';
    this.published = published;
  }
}

/**
 * The error to throw when `what` (e.g. "part 2 of the thread") failed after `root` was published.
 * A typed refusal says why; anything else (a dropped connection) means we cannot tell whether it went out.
 */
export function partlyPublished(
  network: string,
  root: PublishedItem,
  extra: readonly PublishedItem[],
  what: string,
  error: unknown,
): PartlyPublished {
  const where = root.url ?? root.remoteId;
  const why = isProviderError(error)
    ? `${what} failed: ${error.message}`
    : `we could not tell whether ${what} went out (${error instanceof Error ? error.message : String(error)})`;
  return new PartlyPublished(
    `The post is on ${network} (${where}), but ${why} What was published stays online and is not sent again.`,
    { ...root, extra: [...extra] },
    { cause: error },
  );
}
