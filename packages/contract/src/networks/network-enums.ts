/** The networks Plume publishes to, and the kinds of media they take. */
export const NETWORK_IDS = [
  'bluesky',
  'mastodon',
  'x',
  'linkedin',
  'facebook',
  'instagram',
  'threads',
  'youtube',
  'tiktok',
  'pinterest',
  'telegram',
  'discord',
  'reddit',
  'google_business',
] as const;
export type NetworkId = (typeof NETWORK_IDS)[number];

export const MEDIA_KINDS = ['image', 'video', 'gif', 'audio'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** How an account of a network is connected. */
export const CONNECT_KINDS = ['oauth', 'oauth_per_server', 'credentials'] as const;
export type ConnectKind = (typeof CONNECT_KINDS)[number];
