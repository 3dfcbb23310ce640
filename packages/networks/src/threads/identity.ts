/**
 * The Threads profile a token acts as: GET /v1.0/me?fields=id,username,name,threads_profile_picture_url
 * (developers.facebook.com/docs/threads/threads-profiles).
 */
import { z } from 'zod';
import type { ConnectedIdentity, NetworkContext } from '../contract.ts';
import { threadsGet } from './client.ts';

const profileSchema = z.looseObject({
  id: z.string().min(1),
  username: z.string().min(1),
  name: z.string().optional(),
  threads_profile_picture_url: z.string().optional(),
});

/** Reads the profile behind `accessToken`. */
export async function fetchThreadsIdentity(context: NetworkContext, accessToken: string): Promise<ConnectedIdentity> {
  const profile = await threadsGet(
    context,
    accessToken,
    '/me',
    { fields: 'id,username,name,threads_profile_picture_url' },
    profileSchema,
    'read your Threads profile',
  );
  return {
    externalId: profile.id,
    handle: profile.username,
    displayName: profile.name || profile.username,
    kind: 'profile',
    ...(profile.threads_profile_picture_url ? { avatarUrl: profile.threads_profile_picture_url } : {}),
    profileUrl: `https://www.threads.net/@${profile.username}`,
    metadata: { username: profile.username },
  };
}
