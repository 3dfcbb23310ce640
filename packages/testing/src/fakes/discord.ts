/**
 * A fake Discord API for webhook adapter tests. Follows discord.com/developers/docs:
 * - resources/webhook#get-webhook-with-token, #execute-webhook (`wait`, `thread_id`, `thread_name`),
 *   #delete-webhook-message (204; 404 Unknown Message, code 10008)
 * - reference#uploading-files (multipart `payload_json` + `files[n]`, `attachments[].id` = n)
 * - resources/message#create-message-jsonform-params (content ≤ 2000), #allowed-mentions-object
 * - topics/opcodes-and-status-codes#json (10015 Unknown Webhook, 50027 Invalid Webhook Token,
 *   50006 empty message, 50035 Invalid Form Body with `errors`)
 * - topics/rate-limits (`X-RateLimit-*` headers on every answer; 429 body `{message, retry_after, global}`)
 * Routes live under `/api/v10`, so point the `api` endpoint at `<url>/api/v10`.
 */
import {
  startFakeNetworkServer,
  type FakeNetworkServer,
  type FakeRequest,
  type FakeResponse,
} from './fake-network-server.ts';

export interface FakeDiscordAttachment {
  id: string;
  filename: string;
  description?: string;
  contentType: string;
  bytes: Buffer;
}

export interface FakeDiscordMessage {
  id: string;
  channelId: string;
  content: string;
  attachments: FakeDiscordAttachment[];
  /** The JSON payload as sent (body, or `payload_json` for multipart). */
  payload: Record<string, unknown>;
}

export interface FakeDiscordState {
  webhook: {
    id: string;
    token: string;
    name: string;
    guildId: string;
    channelId: string;
    avatar: string | null;
    forum: boolean;
  };
  threads: Set<string>;
  messages: Map<string, FakeDiscordMessage>;
}

export interface DiscordFake {
  server: FakeNetworkServer;
  state: FakeDiscordState;
  url: string;
  /** The `api` endpoint to configure: `<url>/api/v10`. */
  api: string;
  /** The webhook URL a user would paste. */
  webhookUrl: string;
  close(): Promise<void>;
}

function discordError(status: number, code: number, message: string, errors?: unknown): FakeResponse {
  return { status, headers: rateHeaders(), body: { message, code, ...(errors === undefined ? {} : { errors }) } };
}

function rateHeaders(): Record<string, string> {
  return {
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '4',
    'x-ratelimit-reset': String(Date.now() / 1000 + 2),
    'x-ratelimit-reset-after': '2.000',
    'x-ratelimit-bucket': 'fake-webhook-bucket',
  };
}

let snowflake = 1_300_000_000_000_000_000n;
function nextSnowflake(): string {
  snowflake += 1n;
  return snowflake.toString();
}

/** Starts the fake with one incoming webhook in a text channel with one thread. */
export async function startDiscordFake(): Promise<DiscordFake> {
  const state: FakeDiscordState = {
    webhook: {
      id: '1234567890123456789',
      token: 'fakeWebhookToken-abcdefghijklmnopqrstuvwxyz_0123456789',
      name: 'Plume',
      guildId: '111111111111111111',
      channelId: '222222222222222222',
      avatar: 'a1b2c3d4',
      forum: false,
    },
    threads: new Set(['333333333333333333']),
    messages: new Map(),
  };

  const checkWebhook = (request: FakeRequest): FakeResponse | undefined => {
    if (request.params['id'] !== state.webhook.id) return discordError(404, 10015, 'Unknown Webhook');
    if (request.params['token'] !== state.webhook.token) return discordError(401, 50027, 'Invalid Webhook Token');
    return undefined;
  };

  const readPayload = async (
    request: FakeRequest,
  ): Promise<{ payload: Record<string, unknown>; files: Map<string, File> }> => {
    const files = new Map<string, File>();
    if (!(request.headers['content-type'] ?? '').startsWith('multipart/form-data'))
      return { payload: (request.body ?? {}) as Record<string, unknown>, files };
    const form = await request.formData();
    const json = form.get('payload_json');
    form.forEach((value, key) => {
      const index = /^files\[(\d+)\]$/.exec(key)?.[1];
      if (index !== undefined && value instanceof File) files.set(index, value);
    });
    return { payload: typeof json === 'string' ? (JSON.parse(json) as Record<string, unknown>) : {}, files };
  };

  const execute = async (request: FakeRequest): Promise<FakeResponse> => {
    const denied = checkWebhook(request);
    if (denied !== undefined) return denied;
    const { payload, files } = await readPayload(request);
    const content = typeof payload['content'] === 'string' ? payload['content'] : '';
    if (content.length > 2000) {
      return discordError(400, 50035, 'Invalid Form Body', {
        content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
      });
    }
    const threadId = request.query.get('thread_id');
    if (threadId !== null && !state.threads.has(threadId)) return discordError(400, 10003, 'Unknown Channel');
    if (payload['thread_name'] !== undefined && !state.webhook.forum)
      return discordError(400, 220003, 'Webhooks can only create threads in forum channels');
    const attachments: FakeDiscordAttachment[] = [];
    for (const declared of (payload['attachments'] as
      { id: number | string; filename?: string; description?: string }[] | undefined) ?? []) {
      const file = files.get(String(declared.id));
      if (file === undefined)
        return discordError(400, 50035, 'Invalid Form Body', {
          attachments: { _errors: [{ code: 'ATTACHMENT_NOT_FOUND', message: 'Attachment data not found' }] },
        });
      attachments.push({
        id: nextSnowflake(),
        filename: declared.filename ?? file.name,
        ...(declared.description === undefined ? {} : { description: declared.description }),
        contentType: file.type,
        bytes: Buffer.from(await file.arrayBuffer()),
      });
    }
    if (content.trim() === '' && attachments.length === 0)
      return discordError(400, 50006, 'Cannot send an empty message');
    let channelId = threadId ?? state.webhook.channelId;
    if (typeof payload['thread_name'] === 'string') {
      channelId = nextSnowflake();
      state.threads.add(channelId);
    }
    const message: FakeDiscordMessage = { id: nextSnowflake(), channelId, content, attachments, payload };
    state.messages.set(message.id, message);
    if (request.query.get('wait') !== 'true') return { status: 204, headers: rateHeaders() };
    return {
      headers: rateHeaders(),
      body: {
        id: message.id,
        type: 0,
        channel_id: channelId,
        content,
        webhook_id: state.webhook.id,
        author: { id: state.webhook.id, username: payload['username'] ?? state.webhook.name, bot: true },
        attachments: attachments.map((item) => ({
          id: item.id,
          filename: item.filename,
          description: item.description,
          size: item.bytes.length,
          content_type: item.contentType,
        })),
        timestamp: new Date().toISOString(),
      },
    };
  };

  const server = await startFakeNetworkServer([
    {
      method: 'GET',
      path: '/api/v10/webhooks/:id/:token',
      handler: (request) => {
        const denied = checkWebhook(request);
        if (denied !== undefined) return denied;
        const { id, token, name, guildId, channelId, avatar } = state.webhook;
        return {
          headers: rateHeaders(),
          body: { id, type: 1, guild_id: guildId, channel_id: channelId, name, avatar, application_id: null, token },
        };
      },
    },
    { method: 'POST', path: '/api/v10/webhooks/:id/:token', handler: execute },
    {
      method: 'DELETE',
      path: '/api/v10/webhooks/:id/:token/messages/:messageId',
      handler: (request) => {
        const denied = checkWebhook(request);
        if (denied !== undefined) return denied;
        const message = state.messages.get(request.params['messageId'] ?? '');
        const inThread = message !== undefined && message.channelId !== state.webhook.channelId;
        if (message === undefined || (inThread && request.query.get('thread_id') !== message.channelId))
          return discordError(404, 10008, 'Unknown Message');
        state.messages.delete(message.id);
        return { status: 204, headers: rateHeaders() };
      },
    },
  ]);

  return {
    server,
    state,
    url: server.url,
    api: `${server.url}/api/v10`,
    webhookUrl: `https://discord.com/api/webhooks/${state.webhook.id}/${state.webhook.token}`,
    close: () => server.close(),
  };
}
