/**
 * The channel's discussion group in the Telegram fake (core.telegram.org/bots/api#getupdates, #message,
 * #messageoriginchannel; telegram.org/blog/channel-comments): every channel post is forwarded
 * automatically into the linked group (`is_automatic_forward`, `forward_origin` naming the channel post);
 * comments are replies to that forward, inside its thread (`message_thread_id` = the forward's id); replies
 * to comments sit in the same thread. Each arrives as a bot update, kept 24 hours; `getUpdates` with
 * `offset` confirms (and forgets) every earlier update. With a webhook set, getUpdates answers 409.
 */
import type { FakeResponse } from '../fake-network-server.ts';

export interface FakeTelegramUser {
  id: number;
  first_name: string;
  username?: string;
  is_bot?: boolean;
}

export interface FakeUpdate {
  update_id: number;
  message: Record<string, unknown>;
}

export interface DiscussionState {
  updates: FakeUpdate[];
  /** getUpdates answers 409 (a webhook is set for the bot). */
  webhookSet: boolean;
  nextUpdateId: number;
}

export function createDiscussionState(): DiscussionState {
  return { updates: [], webhookSet: false, nextUpdateId: 9000 };
}

/** getUpdates: confirms updates below `offset`, answers up to `limit` (1–100) of the rest, oldest first. */
export function getUpdates(state: DiscussionState, params: Record<string, unknown>): FakeResponse {
  if (state.webhookSet) {
    return {
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      },
    };
  }
  const offset = Number(params['offset'] ?? 0);
  if (offset > 0) state.updates = state.updates.filter((update) => update.update_id >= offset);
  const limit = Math.max(1, Math.min(100, Number(params['limit'] ?? 100)));
  const allowed = params['allowed_updates'] as string[] | undefined;
  // Every fake update carries a `message`, so `allowed_updates` without "message" gets nothing.
  const wanted = allowed === undefined || allowed.includes('message') ? state.updates : [];
  return { body: { ok: true, result: wanted.slice(0, limit) } };
}

/** Adds an update carrying `message`. */
export function pushUpdate(state: DiscussionState, message: Record<string, unknown>): void {
  state.nextUpdateId += 1;
  state.updates.push({ update_id: state.nextUpdateId, message });
}
