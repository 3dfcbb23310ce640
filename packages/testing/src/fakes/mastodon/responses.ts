/** Mastodon's error bodies, rate-limit headers and entity shapes, shared by the fake's routes. */
import type { FakeRequest, FakeResponse } from '../fake-network-server.ts';
import type { MastodonFakeMedia, MastodonFakeState, MastodonFakeStatus } from './state.ts';

/** Every API answer carries the 5-minute window (reset as an ISO 8601 timestamp). */
export function rateLimitHeaders(): Record<string, string> {
  const reset = new Date(Math.ceil(Date.now() / 300_000) * 300_000).toISOString();
  return { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': reset };
}

export function mastodonError(status: number, error: string): FakeResponse {
  return { status, headers: rateLimitHeaders(), body: { error } };
}

export const invalidToken: FakeResponse = { status: 401, body: { error: 'The access token is invalid' } };

/** True when the request's bearer token was issued with `scope` (or its parent `read` / `write`). */
export function hasScope(state: MastodonFakeState, request: FakeRequest, scope: string): boolean {
  const grant = request.bearer === undefined ? undefined : state.tokens.get(request.bearer);
  if (grant === undefined) return false;
  const granted = grant.scope.split(' ');
  return granted.includes(scope) || granted.includes(scope.split(':')[0] ?? scope);
}

export function accountJson(state: MastodonFakeState): Record<string, unknown> {
  const { id, username, displayName } = state.account;
  return {
    id,
    username,
    acct: username,
    display_name: displayName,
    locked: false,
    bot: false,
    created_at: '2024-01-01T00:00:00.000Z',
    note: '',
    url: `${state.origin}/@${username}`,
    avatar: `${state.origin}/avatars/original/missing.png`,
    avatar_static: `${state.origin}/avatars/original/missing.png`,
    followers_count: state.followers.followers,
    following_count: state.followers.following,
    statuses_count: state.statuses.size,
  };
}

export function mediaJson(state: MastodonFakeState, media: MastodonFakeMedia): Record<string, unknown> {
  const ready = media.pollsLeft <= 0;
  return {
    id: media.id,
    type: media.type,
    url: ready ? `${state.origin}/system/media_attachments/files/${media.id}/original/${media.fileName}` : null,
    preview_url: `${state.origin}/system/media_attachments/files/${media.id}/small/${media.fileName}`,
    remote_url: null,
    description: media.description,
    blurhash: null,
  };
}

export function statusJson(state: MastodonFakeState, status: MastodonFakeStatus): Record<string, unknown> {
  return {
    id: status.id,
    created_at: status.createdAt.toISOString(),
    in_reply_to_id: status.inReplyToId,
    sensitive: status.sensitive,
    spoiler_text: status.spoilerText,
    visibility: status.visibility,
    language: status.language,
    uri: `${state.origin}/users/${state.account.username}/statuses/${status.id}`,
    url: `${state.origin}/@${state.account.username}/${status.id}`,
    content: `<p>${status.text}</p>`,
    tags: [...status.text.matchAll(/(?<![\w&])#(\w+)/gu)].map((match) => ({
      name: (match[1] ?? '').toLowerCase(),
      url: `${state.origin}/tags/${(match[1] ?? '').toLowerCase()}`,
    })),
    media_attachments: status.mediaIds.map((id) => {
      const media = state.media.get(id);
      return media === undefined ? { id } : mediaJson(state, media);
    }),
    account: accountJson(state),
    favourites_count: status.counts.favourites,
    reblogs_count: status.counts.reblogs,
    replies_count: status.counts.replies,
    ...(state.quotes ? { quotes_count: status.counts.quotes } : {}),
    card: null,
    reblog: null,
  };
}
