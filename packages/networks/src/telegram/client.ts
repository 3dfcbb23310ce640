/**
 * Calls Bot API methods: POST `<api>/bot<token>/<method>` with a JSON body, or multipart form data
 * when files are uploaded; a success is `{ok: true, result}` (core.telegram.org/bots/api#making-requests).
 * The token sits in the path; the HTTP client redacts `bot<token>` segments from its logs.
 */
import { z } from 'zod';
import type { NetworkContext } from '../contract.ts';
import { MalformedResponse, send } from '../shared/network-call.ts';
import { Retryable } from '../provider-errors.ts';
import { telegramFailure } from './errors.ts';

/** The Bot API server (`https://api.telegram.org` unless configured). */
export function telegramApiUrl(context: NetworkContext): string {
  const base = context.endpoints['api'];
  if (base === undefined) throw new Error('Telegram endpoint "api" is not configured');
  return base.replace(/\/+$/, '');
}

/** Public links (`https://t.me` unless configured). */
export function telegramWebUrl(context: NetworkContext): string {
  return (context.endpoints['web'] ?? 'https://t.me').replace(/\/+$/, '');
}

export interface TelegramCall<S extends z.ZodType> {
  token: string;
  method: string;
  /** JSON parameters, or a form when files go with them. */
  payload: Readonly<Record<string, unknown>> | FormData;
  schema: S;
  what: string;
  /** Whether the method changes something (an unreadable answer then means "outcome unknown"). */
  write: boolean;
}

/** Calls a method and returns its validated `result`, or throws a typed error. */
export async function telegramMethod<S extends z.ZodType>(
  context: NetworkContext,
  call: TelegramCall<S>,
): Promise<z.output<S>> {
  const url = `${telegramApiUrl(context)}/bot${call.token}/${call.method}`;
  // A FormData body gets its multipart Content-Type (with boundary) from the HTTP client.
  const { payload } = call;
  const response = await send(
    context.http,
    url,
    payload instanceof FormData
      ? { method: 'POST', headers: { accept: 'application/json' }, body: payload }
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(payload),
        },
  );
  if (!response.ok) throw await telegramFailure(response, call.what);
  const envelope = z.looseObject({ ok: z.literal(true), result: call.schema });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw unreadable(call, response.status, error);
  }
  const checked = envelope.safeParse(parsed);
  if (!checked.success) throw unreadable(call, response.status, checked.error);
  return checked.data.result as z.output<S>;
}

function unreadable(call: { what: string; write: boolean }, status: number, cause: unknown): Error {
  if (!call.write) return new Retryable(`Telegram sent an unreadable answer to "${call.what}".`, { cause });
  return new MalformedResponse(call.what, status, cause);
}

/** The part of a sent Message we use. */
export const messageSchema = z.looseObject({ message_id: z.number().int(), chat: z.looseObject({ id: z.number() }) });
