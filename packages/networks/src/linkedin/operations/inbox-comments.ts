/**
 * LinkedIn comments as the Comments API returns them, and the URN helpers the inbox needs. A comment URN is
 * `urn:li:comment:(<post or activity URN>,<comment id>)`; in a path it is percent-encoded whole, parentheses
 * and comma included. Members are named only by URN: LinkedIn gives ordinary apps no member names.
 *
 * Docs: https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api
 */
import { z } from 'zod';
import type { InboxItemReading } from '../../inbox-contract.ts';
import { linkedinPostUrl } from './publish.ts';

export const commentSchema = z.looseObject({
  $URN: z.string().optional(),
  commentUrn: z.string().optional(),
  id: z.coerce.string().optional(),
  actor: z.string(),
  object: z.string().optional(),
  message: z.looseObject({ text: z.string().default('') }).optional(),
  created: z.looseObject({ time: z.number() }),
  parentComment: z.string().optional(),
  commentsSummary: z
    .looseObject({ aggregatedTotalComments: z.number().optional(), totalFirstLevelComments: z.number().optional() })
    .optional(),
});
export type LinkedInComment = z.output<typeof commentSchema>;

export const pageSchema = <S extends z.ZodType>(item: S) =>
  z.looseObject({
    elements: z.array(z.unknown()).transform((elements) =>
      elements.flatMap((element) => {
        const parsed = item.safeParse(element);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
    paging: z
      .looseObject({ start: z.number().optional(), count: z.number().optional(), total: z.number().optional() })
      .optional(),
  });

/** A URN for a path, parentheses and comma encoded too (Rest.li 2.0). */
export function encodeRestliUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** The comment's URN, from whichever field LinkedIn filled. */
export function urnOfComment(comment: LinkedInComment): string | undefined {
  return comment.$URN ?? comment.commentUrn;
}

/**
 * The id part of a comment URN.
 * @example commentIdOf('urn:li:comment:(urn:li:share:1,6636)') // '6636'
 */
export function commentIdOf(urn: string): string | undefined {
  return /,(\d+)\)$/.exec(urn)?.[1];
}

/** `urn:li:person:abc` → `abc`; an organization keeps its URN's last part too. */
function shortId(urn: string): string {
  return urn.split(':').at(-1) ?? urn;
}

/** One comment as an inbox item; `postUrn` is our post as publish stored it. */
export function readingOfComment(comment: LinkedInComment, postUrn: string, account: string): InboxItemReading | null {
  const urn = urnOfComment(comment);
  if (urn === undefined) return null;
  const nested = comment.parentComment !== undefined;
  const organization = comment.actor.startsWith('urn:li:organization:');
  return {
    remoteId: urn,
    kind: nested ? 'reply' : 'comment',
    conversationKey: comment.parentComment ?? urn,
    parentRemoteId: comment.parentComment ?? null,
    postRemoteId: postUrn,
    author: {
      id: comment.actor,
      handle: shortId(comment.actor),
      displayName: organization ? `LinkedIn page ${shortId(comment.actor)}` : 'LinkedIn member',
      ...(organization ? { profileUrl: `https://www.linkedin.com/company/${shortId(comment.actor)}/` } : {}),
    },
    text: comment.message?.text ?? '',
    createdAt: new Date(comment.created.time),
    url: `${linkedinPostUrl(postUrn)}?commentUrn=${encodeURIComponent(urn)}`,
    fromAccount: comment.actor === account,
    meta: { object: comment.object ?? postUrn },
  };
}
