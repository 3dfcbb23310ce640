/**
 * X's user and post endpoints: GET /2/users/me, POST /2/tweets (201 `{data: {id, text}}`; 403
 * problem JSON for duplicate text; 400 invalid-request for unknown fields, media or reply targets),
 * DELETE /2/tweets/{id} (`{data: {deleted: true}}`, 404 resource-not-found when gone). Text is judged
 * by twitter-text's `parseTweet`, the library X publishes for it (docs.x.com "Counting characters"),
 * never by Plume's own counter.
 * Docs: docs.x.com/x-api/users/get-my-user, docs.x.com/x-api/posts/create-post, …/delete-post
 */
import twitterText from 'twitter-text';
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { invalidRequest, rateLimitHeaders, unauthorized, userOf } from './responses.ts';
import type { XFakeState } from './state.ts';

// POST /2/tweets has `additionalProperties: false` in X's OpenAPI (v2.167).
const CREATE_FIELDS = new Set([
  'card_uri',
  'community_id',
  'direct_message_deep_link',
  'edit_options',
  'for_super_followers_only',
  'geo',
  'made_with_ai',
  'media',
  'nullcast',
  'paid_partnership',
  'poll',
  'quote_tweet_id',
  'reply',
  'reply_settings',
  'share_with_followers',
  'text',
]);

async function createPost(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  const user = await userOf(state, request);
  if (user === undefined) return unauthorized;
  const body = request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return invalidRequest('The request body must be JSON.');
  const fields = body as Record<string, unknown>;
  const unknownField = Object.keys(fields).find((key) => !CREATE_FIELDS.has(key));
  if (unknownField !== undefined)
    return invalidRequest(`The \`${unknownField}\` field is not allowed.`, { [unknownField]: [] });
  const text = typeof fields['text'] === 'string' ? fields['text'] : '';
  const media = fields['media'] as { media_ids?: unknown } | undefined;
  const mediaIds = Array.isArray(media?.media_ids)
    ? media.media_ids.filter((id): id is string => typeof id === 'string')
    : [];
  const missing = mediaIds.find((id) => state.media.get(id)?.state !== 'succeeded');
  if (missing !== undefined) return invalidRequest(`Your media IDs are invalid.`, { 'media.media_ids': [missing] });
  if (text === '' && mediaIds.length === 0) return invalidRequest('You must provide text or media.', { text: [''] });
  if (text !== '' && !twitterText.parseTweet(text).valid) {
    const message =
      'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.';
    return invalidRequest(message, { text: [text] });
  }
  const reply = fields['reply'] as { in_reply_to_tweet_id?: unknown } | undefined;
  const replyTo = typeof reply?.in_reply_to_tweet_id === 'string' ? reply.in_reply_to_tweet_id : undefined;
  if (replyTo !== undefined && !state.posts.has(replyTo)) {
    return invalidRequest('The Post you are replying to does not exist or is not visible.', {
      'reply.in_reply_to_tweet_id': [replyTo],
    });
  }
  const duplicate =
    text !== '' && [...state.posts.values()].some((post) => post.authorId === user.id && post.text === text);
  if (duplicate) {
    return {
      status: 403,
      headers: rateLimitHeaders(),
      body: {
        detail: 'You are not allowed to create a Tweet with duplicate content.',
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
      },
    };
  }
  const id = state.nextId();
  state.posts.set(id, {
    id,
    authorId: user.id,
    text,
    mediaIds,
    replyTo,
    madeWithAi: fields['made_with_ai'] === true,
    replySettings: typeof fields['reply_settings'] === 'string' ? fields['reply_settings'] : undefined,
    createdAt: new Date().toISOString(),
  });
  return { status: 201, headers: rateLimitHeaders(), body: { data: { id, text, edit_history_tweet_ids: [id] } } };
}

async function deletePost(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  const user = await userOf(state, request);
  if (user === undefined) return unauthorized;
  const id = request.params['id'] ?? '';
  const post = state.posts.get(id);
  if (post === undefined) {
    const detail = `Could not find tweet with id: [${id}].`;
    const problem = {
      value: id,
      detail,
      title: 'Not Found Error',
      resource_type: 'tweet',
      parameter: 'id',
      resource_id: id,
      type: 'https://api.twitter.com/2/problems/resource-not-found',
    };
    return {
      status: 404,
      headers: rateLimitHeaders(50),
      body: { errors: [problem], title: 'Not Found Error', detail, type: problem.type },
    };
  }
  if (post.authorId !== user.id) {
    return {
      status: 403,
      body: {
        title: 'Forbidden',
        type: 'about:blank',
        status: 403,
        detail: 'You are not allowed to delete this Tweet.',
      },
    };
  }
  state.posts.delete(id);
  return { status: 200, headers: rateLimitHeaders(50), body: { data: { deleted: true } } };
}

/** Routes for the signed-in user and for creating and deleting posts. */
export function xPostRoutes(state: XFakeState): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/2/users/me',
      handler: async (request) => {
        const user = await userOf(state, request);
        if (user === undefined) return unauthorized;
        const fields = new Set((request.query.get('user.fields') ?? '').split(','));
        const data: Record<string, unknown> = { id: user.id, name: user.name, username: user.username };
        if (fields.has('profile_image_url'))
          data['profile_image_url'] = `https://pbs.twimg.com/profile_images/${user.id}/normal.jpg`;
        if (fields.has('public_metrics')) data['public_metrics'] = { ...state.userMetrics };
        return { status: 200, headers: rateLimitHeaders(75), body: { data } };
      },
    },
    { method: 'POST', path: '/2/tweets', handler: (request) => createPost(state, request) },
    { method: 'DELETE', path: '/2/tweets/:id', handler: (request) => deletePost(state, request) },
  ];
}
