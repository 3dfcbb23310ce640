/**
 * Pure arithmetic of storing a page: which conversations a page's new items open or extend, who the
 * contact is, and how each conversation's counts move (docs/inbox.md, "Reading inboxes").
 */
import type { InboxItemReading } from '@plume/networks/inbox-contract';

/** The list shows this much of the latest item. */
export const PREVIEW_CHARS = 200;

/** What a new conversation is created with: the first item's kind, its post, the person on the other side. */
export type ConversationSeed = {
  key: string;
  kind: string;
  post_remote_id: string | null;
  contact_id: string;
  contact_handle: string;
  contact_name: string;
  contact_avatar_url: string | null;
  first_at: string;
};

/** How one conversation's fields move with the items a page really added. */
export type ConversationDelta = {
  id: string;
  added: number;
  incoming: number;
  latest_at: string;
  latest_text: string;
  /** The newest item the account wrote itself (an answer), or null. */
  latest_out: string | null;
  /** The oldest incoming item, or null. */
  first_in: string | null;
  /** The oldest incoming item after `latest_out`: what still waits for an answer. */
  first_in_after_out: string | null;
};

const byTime = (a: InboxItemReading, b: InboxItemReading) => a.createdAt.getTime() - b.createdAt.getTime();

/**
 * One seed per conversation key, from its earliest item. The contact is the earliest item's author that
 * is not the account itself (a thread the account opened has the first person who answered); the
 * account's own handle only when the page holds nothing else.
 */
export function conversationSeeds(readings: readonly InboxItemReading[]): ConversationSeed[] {
  const groups = new Map<string, InboxItemReading[]>();
  for (const reading of readings)
    groups.set(reading.conversationKey, [...(groups.get(reading.conversationKey) ?? []), reading]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, items]) => {
      const sorted = [...items].sort(byTime);
      const first = sorted[0]!;
      const contact = (sorted.find((item) => !item.fromAccount) ?? first).author;
      return {
        key,
        kind: first.kind,
        post_remote_id: sorted.find((item) => item.postRemoteId !== null)?.postRemoteId ?? null,
        contact_id: contact.id,
        contact_handle: contact.handle,
        contact_name: contact.displayName,
        contact_avatar_url: contact.avatarUrl ?? null,
        first_at: first.createdAt.toISOString(),
      };
    });
}

/** The counts each conversation gains from `added` (the items the insert really wrote), per conversation id. */
export function conversationDeltas(
  added: readonly { conversationId: string; reading: InboxItemReading }[],
): ConversationDelta[] {
  const groups = new Map<string, InboxItemReading[]>();
  for (const { conversationId, reading } of added)
    groups.set(conversationId, [...(groups.get(conversationId) ?? []), reading]);
  return [...groups.entries()].map(([id, items]) => {
    const sorted = [...items].sort(byTime);
    const latest = sorted.at(-1)!;
    const incoming = sorted.filter((item) => !item.fromAccount);
    const latestOut = sorted.filter((item) => item.fromAccount).at(-1) ?? null;
    const after = latestOut === null ? incoming : incoming.filter((item) => byTime(item, latestOut) > 0);
    return {
      id,
      added: sorted.length,
      incoming: incoming.length,
      latest_at: latest.createdAt.toISOString(),
      latest_text: previewOf(latest.text),
      latest_out: latestOut?.createdAt.toISOString() ?? null,
      first_in: incoming[0]?.createdAt.toISOString() ?? null,
      first_in_after_out: after[0]?.createdAt.toISOString() ?? null,
    };
  });
}

/** The text on one line, cut at PREVIEW_CHARS with an ellipsis. */
export function previewOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= PREVIEW_CHARS ? line : `${line.slice(0, PREVIEW_CHARS - 1).trimEnd()}…`;
}
