/**
 * How the Bot API reports failures: `{ok: false, error_code, description, parameters}` with the HTTP
 * status equal to `error_code`. A 429 says how long to wait in `parameters.retry_after` (seconds, in
 * the body); a group that became a supergroup answers 400 with `parameters.migrate_to_chat_id`.
 * Docs: core.telegram.org/bots/api#making-requests, #responseparameters, core.telegram.org/bots/faq
 */
import { readTextPrefix } from '@plume/http/response-body';
import { parseRetryAfter } from '@plume/http/retry-after';
import { RateLimited, type AnyProviderError } from '../provider-errors.ts';
import { failureFromResponse, type FailureMapping } from '../shared/network-call.ts';

type Described = ReturnType<NonNullable<FailureMapping['describe']>>;

export interface TelegramErrorBody {
  errorCode?: number;
  description?: string;
  retryAfter?: number;
  migrateTo?: number;
}

/** Reads the Bot API error object. */
export function readTelegramError(body: unknown): TelegramErrorBody {
  if (body === null || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  const parameters = (
    typeof record['parameters'] === 'object' && record['parameters'] !== null ? record['parameters'] : {}
  ) as Record<string, unknown>;
  const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
  const description = record['description'];
  return {
    errorCode: number(record['error_code']),
    ...(typeof description === 'string' ? { description } : {}),
    retryAfter: number(parameters['retry_after']),
    migrateTo: number(parameters['migrate_to_chat_id']),
  };
}

/** Bot API descriptions a user can act on, in plain words. */
const PLAIN: readonly [RegExp, string][] = [
  [
    /bot was kicked|bot is not a member|have no rights to send|not enough rights|need administrator rights/i,
    'The bot can no longer post in this chat. Add it back as an administrator allowed to post messages, then try again.',
  ],
  [
    /can't use getUpdates method while webhook is active/i,
    'Another program has set a webhook for this bot, so Plume cannot read its updates. Give Plume a bot of its own, or remove the webhook (deleteWebhook).',
  ],
  [/chat not found/i, 'Telegram cannot find this channel. Check the name, and add the bot to the channel first.'],
  [/bot was blocked by the user|user is deactivated/i, 'This chat no longer accepts messages from the bot.'],
  [
    /message is too long|caption is too long|MEDIA_CAPTION_TOO_LONG/i,
    'The text is longer than Telegram accepts (4,096 characters, or 1,024 with media).',
  ],
  [
    /wrong file identifier|failed to get HTTP URL content|wrong type of the web page content|IMAGE_PROCESS_FAILED|PHOTO_INVALID_DIMENSIONS|file is too big|request entity too large/i,
    'Telegram could not use one of the files (too big, or a format it does not accept).',
  ],
  [
    /message can't be deleted/i,
    'Telegram does not let the bot delete this message (bots can only delete messages younger than 48 hours, or need the “delete messages” right).',
  ],
];

/** Turns a Bot API error body into a plain message, the vendor's description, and its kind. */
export function describeTelegramError(body: unknown, status: number): Described {
  const { errorCode, description, migrateTo } = readTelegramError(body);
  if (description === undefined) return undefined;
  const code = description.slice(0, 120);
  if (migrateTo !== undefined) {
    return {
      kind: 'permanent',
      code,
      message: 'This group was upgraded to a supergroup. Reconnect it in Plume with its new id.',
    };
  }
  if (errorCode === 401 || status === 401)
    return {
      kind: 'auth',
      code,
      message: 'Telegram no longer accepts this bot token; it may have been revoked in @BotFather.',
    };
  const plain = PLAIN.find(([pattern]) => pattern.test(description))?.[1];
  return { code, message: plain ?? `Telegram said: ${description}` };
}

/** The failure mapping for Bot API answers other than 429. */
export const telegramFailureMapping: FailureMapping = { describe: describeTelegramError };

const DEFAULT_WAIT_MS = 30_000;

/** Reads a non-2xx Bot API answer and returns the typed error it means. */
export async function telegramFailure(response: Response, what: string): Promise<AnyProviderError> {
  const text = await readTextPrefix(response, 4096);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a proxy's error page); keep the text
  }
  const facts = readTelegramError(body);
  if (response.status === 429 || facts.errorCode === 429) {
    // Flood control is per bot and chat: only this account waits.
    const waitMs =
      facts.retryAfter !== undefined ? facts.retryAfter * 1000 : parseRetryAfter(response.headers.get('retry-after'));
    return new RateLimited(waitMs ?? DEFAULT_WAIT_MS, 'account');
  }
  return failureFromResponse(new Response(text, { status: response.status, headers: response.headers }), {
    ...telegramFailureMapping,
    what,
  });
}
