/** Where a post is in its life. */
export const POST_STATES = [
  'draft', 'in_review', 'approved', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'rejected', 'cancelled',
] as const;
export type PostState = (typeof POST_STATES)[number];

const stateLabels: Record<PostState, string> = {
  draft: 'Draft', in_review: 'In review', approved: 'Approved', scheduled: 'Scheduled', publishing: 'Publishing',
  published: 'Published', failed: 'Failed', unconfirmed: 'Unconfirmed', rejected: 'Rejected', cancelled: 'Cancelled',
};

/** The readable name of a post or target state. */
export function stateLabel(state: string): string {
  return state in stateLabels ? stateLabels[state as PostState] : state.replace(/_/g, ' ');
}

/** Narrows a string to a PostState. */
export function isPostState(value: unknown): value is PostState {
  return typeof value === 'string' && (POST_STATES as readonly string[]).includes(value);
}

export interface ThreadPart {
  text: string;
  mediaIds: string[];
}

export interface PostContent {
  text: string;
  title?: string;
  mediaIds: string[];
  link?: string;
  thread: ThreadPart[];
  firstComment?: string;
  hashtags: string[];
}

export interface PostTarget {
  id: string;
  accountId: string;
  network: string;
  accountHandle: string;
  accountName: string;
  state: string;
  remoteId: string | null;
  remoteUrl: string | null;
  failureKind: string | null;
  failureReason: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  publishedAt: string | null;
  override: Record<string, unknown>;
  settings: Record<string, unknown>;
}

export interface Post {
  id: string;
  state: PostState;
  content: PostContent;
  scheduledAt: string | null;
  version: number;
  reviewNote: string | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  targets: PostTarget[];
}

export interface PostEvent {
  id: number;
  type: string;
  actorName: string | null;
  targetId: string | null;
  fromState: string | null;
  toState: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface PostDetail extends Post {
  events: PostEvent[];
  issues: { path: string; message: string }[];
}

export interface CreatePostBody {
  content: { text: string; hashtags: string[]; mediaIds: string[]; thread: ThreadPart[]; link?: string; title?: string; firstComment?: string };
  targets: { accountId: string; override: Record<string, unknown>; settings: Record<string, unknown> }[];
  scheduledAt?: string | null;
  submit: boolean;
}

export type PostAction =
  | { type: 'submit' | 'approve' | 'unschedule' | 'cancel' | 'reopen' | 'retry' | 'republish' }
  | { type: 'reject' | 'request_changes'; reason: string }
  | { type: 'schedule'; scheduledAt: string }
  | { type: 'schedule_next_slot' }
  | { type: 'confirm'; published: boolean; url?: string };
