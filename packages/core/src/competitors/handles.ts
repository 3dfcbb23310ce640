/**
 * How each network names an account, checked before anything is stored, with the fix in plain words.
 * Bluesky: a handle (`alice.bsky.social`), a DID or a bsky.app profile link. Mastodon: `@name@server`
 * or a profile link. YouTube: `@handle`, a channel id (`UC…`) or a channel link.
 */
import type { NetworkId } from '@plume/networks/contract';

const BLUESKY_HANDLE = /^@?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const BLUESKY_DID = /^did:(plc|web):[a-z0-9.:%-]+$/i;
const BLUESKY_LINK = /^https:\/\/bsky\.app\/profile\/[^/?#\s]+\/?$/i;
const MASTODON_ACCT = /^@?[a-z0-9_]+(\.[a-z0-9_]+)*@[a-z0-9.-]+\.[a-z]{2,}$/i;
const MASTODON_LINK = /^https?:\/\/[^/?#\s]+\/@[a-z0-9_.]+\/?$/i;
const YOUTUBE_HANDLE = /^@[\p{L}\p{N}._-]{3,30}$/u;
const YOUTUBE_CHANNEL_ID = /^UC[a-zA-Z0-9_-]{22}$/;
const YOUTUBE_LINK = /^https:\/\/(www\.|m\.)?youtube\.com\/(@[^/?#\s]+|channel\/UC[a-zA-Z0-9_-]{22})\/?$/i;

/** A plain-words problem with the handle, or undefined when it is written the network's way. */
export function handleProblem(network: NetworkId, raw: string): string | undefined {
  const handle = raw.trim();
  if (handle === '') return 'Enter the account’s name.';
  switch (network) {
    case 'bluesky':
      return BLUESKY_HANDLE.test(handle) || BLUESKY_DID.test(handle) || BLUESKY_LINK.test(handle)
        ? undefined
        : 'Write a Bluesky handle like alice.bsky.social, or paste the profile link.';
    case 'mastodon':
      return MASTODON_ACCT.test(handle) || MASTODON_LINK.test(handle)
        ? undefined
        : 'Write a Mastodon address like @name@mastodon.social, or paste the profile link.';
    case 'youtube':
      return YOUTUBE_HANDLE.test(handle) || YOUTUBE_CHANNEL_ID.test(handle) || YOUTUBE_LINK.test(handle)
        ? undefined
        : 'Write a YouTube handle like @channelname, or paste the channel link.';
    default:
      return undefined;
  }
}

/** The handle as stored: trimmed, Bluesky and Mastodon handles without a trailing slash. */
export function tidyHandle(network: NetworkId, raw: string): string {
  const handle = raw.trim().replace(/\/+$/, '');
  if (network === 'bluesky' && !handle.startsWith('http')) return handle.replace(/^@/, '').toLowerCase();
  if (network === 'mastodon' && !handle.startsWith('http')) return handle.startsWith('@') ? handle : `@${handle}`;
  return handle;
}
