import type { InboxItem } from '@plume/contract/inbox/inbox-schemas';

/** The items a reply can answer: incoming ones whose network lets the account reply. */
export function replyableItems(items: readonly InboxItem[]): InboxItem[] {
  return items.filter((item) => item.direction === 'in' && item.actions.includes('reply'));
}

/**
 * How an item is named in a choice: its author and the start of its text.
 * @example itemSummary(item) // 'Jo Doe: “Is the shop open on Sunday?”'
 */
export function itemSummary(item: Pick<InboxItem, 'author' | 'text'>, max = 60): string {
  const text = item.text.replace(/\s+/g, ' ').trim();
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `${item.author.name || item.author.handle}: “${short}”`;
}
