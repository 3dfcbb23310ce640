/**
 * How each network's post looks, in broad strokes: avatar shape, where the name sits, link colour and
 * the chrome around the text. Close enough to recognise, not a copy of any brand.
 */
export interface PreviewStyle {
  layout: 'feed' | 'bubble' | 'chat';
  avatar: 'round' | 'rounded';
  /** Tailwind classes for links, tags and mentions. */
  linkClass: string;
  /** A short line under the name, e.g. "now · public". */
  meta: string;
  /** What the network calls the parts of a thread. */
  threadLabel: string;
}

const feed = (linkClass: string, meta: string, threadLabel = 'Reply'): PreviewStyle => ({
  layout: 'feed',
  avatar: 'round',
  linkClass,
  meta,
  threadLabel,
});

const styles: Record<string, PreviewStyle> = {
  x: feed('text-sky-600', 'now', 'Reply in thread'),
  bluesky: feed('text-blue-600', 'now'),
  mastodon: { ...feed('text-indigo-600', 'now · Public', 'Reply'), avatar: 'rounded' },
  threads: feed('text-blue-700', 'now'),
  linkedin: { ...feed('text-blue-700', 'Now · Anyone'), avatar: 'round' },
  facebook: feed('text-blue-600', 'Just now · Public', 'Comment'),
  instagram: feed('text-blue-900', 'now', 'Comment'),
  telegram: {
    layout: 'bubble',
    avatar: 'round',
    linkClass: 'text-sky-600',
    meta: 'channel post',
    threadLabel: 'Next message',
  },
  discord: { layout: 'chat', avatar: 'round', linkClass: 'text-sky-600', meta: 'Today', threadLabel: 'Next message' },
};

const fallback = feed('text-accent', 'now');

/** The preview look of a network (a neutral feed card for networks without one). */
export function previewStyleFor(networkId: string): PreviewStyle {
  return styles[networkId] ?? fallback;
}
