/**
 * The LinkedIn fake's posts finder and Comments API
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api#find-posts-by-authors,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api):
 * - `GET /rest/posts?q=author&author=…&count&start`: the author's posts, newest first (an organization the
 *   member administers; a member's own posts answer 403, as r_member_social is closed to ordinary apps).
 * - `GET /rest/socialActions/{post or comment URN}/comments?start&count`: first-level comments of a post, or
 *   the nested comments of a comment, with `paging`; deleted comments are not listed.
 * - `POST` the same path: a comment, or a nested one (`parentComment` = the target; one level only).
 * - `DELETE /rest/socialActions/{target}/comments/{id}?actor=…`: by the comment's author or the post's
 *   organization; 404 once it is gone.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from './fake-network-server.ts';
import { linkedinError as error, type LinkedInFakeComment, type LinkedInFakeKit } from './linkedin-state.ts';

function element(comment: LinkedInFakeComment, all: readonly LinkedInFakeComment[]): Record<string, unknown> {
  const id = /,(\d+)\)$/.exec(comment.urn)?.[1] ?? comment.urn;
  const nested = all.filter((other) => other.parent === comment.urn && other.deleted !== true).length;
  const time = comment.created ?? 0;
  return {
    $URN: comment.urn,
    commentUrn: comment.urn,
    id,
    actor: comment.actor,
    object: comment.on,
    message: { text: comment.text, attributes: [] },
    created: { actor: comment.actor, time },
    lastModified: { actor: comment.actor, time },
    ...(comment.parent === undefined ? {} : { parentComment: comment.parent }),
    commentsSummary: { aggregatedTotalComments: nested, totalFirstLevelComments: nested, selectedComments: [] },
  };
}

function paged(items: readonly Record<string, unknown>[], request: FakeRequest): FakeResponse {
  const start = Number(request.query.get('start') ?? '0');
  const count = Math.min(100, Number(request.query.get('count') ?? '10'));
  return { body: { elements: items.slice(start, start + count), paging: { start, count, total: items.length } } };
}

export function linkedinCommentRoutes(kit: LinkedInFakeKit): FakeRoute[] {
  const { state, restCheck, mayActAs, nextId } = kit;
  const live = (): LinkedInFakeComment[] => state.comments.filter((comment) => comment.deleted !== true);
  const findComment = (urn: string) => live().find((comment) => comment.urn === urn);

  const create = (request: FakeRequest): FakeResponse => {
    const target = request.params['urn'] ?? '';
    const body = request.body as
      { actor?: string; object?: string; message?: { text?: string }; parentComment?: string } | undefined;
    const parent = target.startsWith('urn:li:comment:') ? findComment(target) : undefined;
    const on = parent?.on ?? target;
    if (parent === undefined && target.startsWith('urn:li:comment:'))
      return error(404, 'NOT_FOUND', `Comment ${target} not found`);
    if (!state.posts.has(on)) return error(404, 'NOT_FOUND', `Post ${on} not found`);
    if (parent?.parent !== undefined) return error(422, 'UNPROCESSABLE_ENTITY', 'Comments nest one level only');
    const nestedOk = parent === undefined ? body?.parentComment === undefined : body?.parentComment === parent.urn;
    if (!mayActAs(body?.actor) || body?.object !== on || typeof body.message?.text !== 'string' || !nestedOk) {
      return error(422, 'UNPROCESSABLE_ENTITY', 'Invalid comment');
    }
    const id = nextId();
    const comment: LinkedInFakeComment = {
      urn: `urn:li:comment:(${on},${id})`,
      on,
      actor: body.actor ?? '',
      text: body.message.text,
      created: Date.now(),
      ...(parent === undefined ? {} : { parent: parent.urn }),
    };
    state.comments.push(comment);
    return { status: 201, headers: { 'x-restli-id': comment.urn }, body: element(comment, state.comments) };
  };

  const remove = (request: FakeRequest): FakeResponse => {
    const target = request.params['urn'] ?? '';
    const comment = live().find(
      (candidate) =>
        candidate.urn.endsWith(`,${request.params['id']})`) && (candidate.parent ?? candidate.on) === target,
    );
    if (comment === undefined) return error(404, 'NOT_FOUND', 'Comment not found');
    const actor = request.query.get('actor') ?? '';
    const owner = state.posts.get(comment.on)?.body['author'];
    if (!mayActAs(actor) || (actor !== comment.actor && actor !== owner))
      return error(403, 'ACCESS_DENIED', 'Not enough permissions to delete this comment');
    comment.deleted = true;
    return { status: 204 };
  };

  return [
    {
      method: 'GET',
      path: '/rest/posts',
      handler: (request) => {
        const failed = restCheck(request);
        if (failed) return failed;
        const author = request.query.get('author') ?? '';
        if (request.query.get('q') !== 'author') return error(400, 'ILLEGAL_ARGUMENT', 'q=author is required');
        if (!author.startsWith('urn:li:organization:') || !mayActAs(author))
          return error(403, 'ACCESS_DENIED', 'Not enough permissions to access: partnerApiPostsExternal.FINDER-author');
        const posts = [...state.posts.values()]
          .filter((post) => post.body['author'] === author)
          .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0))
          .map((post) => ({
            id: post.urn,
            ...post.body,
            createdAt: post.createdAt ?? 0,
            publishedAt: post.createdAt ?? 0,
          }));
        return paged(posts, request);
      },
    },
    {
      method: 'GET',
      path: '/rest/socialActions/:urn/comments',
      handler: (request) => {
        const failed = restCheck(request);
        if (failed) return failed;
        const target = request.params['urn'] ?? '';
        const onComment = target.startsWith('urn:li:comment:');
        if (onComment ? findComment(target) === undefined : !state.posts.has(target))
          return error(404, 'NOT_FOUND', `${target} not found`);
        const comments = live()
          .filter((comment) =>
            onComment ? comment.parent === target : comment.on === target && comment.parent === undefined,
          )
          .map((comment) => element(comment, state.comments));
        return paged(comments, request);
      },
    },
    {
      method: 'POST',
      path: '/rest/socialActions/:urn/comments',
      handler: (request) => restCheck(request) ?? create(request),
    },
    {
      method: 'DELETE',
      path: '/rest/socialActions/:urn/comments/:id',
      handler: (request) => restCheck(request) ?? remove(request),
    },
  ];
}
