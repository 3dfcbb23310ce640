/**
 * Every network Plume publishes to. Adding a network is a folder (manifest + operations, see
 * contract.ts) and one line here.
 */
import { blueskyProvider } from './bluesky/provider.ts';
import type { NetworkProvider } from './contract.ts';
import { discordProvider } from './discord/provider.ts';
import { facebookProvider } from './facebook/provider.ts';
import { google_businessProvider } from './google_business/provider.ts';
import { instagramProvider } from './instagram/provider.ts';
import { linkedinProvider } from './linkedin/provider.ts';
import { mastodonProvider } from './mastodon/provider.ts';
import { pinterestProvider } from './pinterest/provider.ts';
import { redditProvider } from './reddit/provider.ts';
import { telegramProvider } from './telegram/provider.ts';
import { threadsProvider } from './threads/provider.ts';
import { tiktokProvider } from './tiktok/provider.ts';
import { xProvider } from './x/provider.ts';
import { youtubeProvider } from './youtube/provider.ts';

export const allProviders: readonly NetworkProvider[] = [
  blueskyProvider,
  mastodonProvider,
  xProvider,
  linkedinProvider,
  facebookProvider,
  instagramProvider,
  threadsProvider,
  youtubeProvider,
  tiktokProvider,
  pinterestProvider,
  telegramProvider,
  discordProvider,
  redditProvider,
  google_businessProvider,
];
