import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordProvider } from './provider.ts';
import {
  discordRequest,
  startDiscordTestBed,
  testMedia,
  type DiscordTestBed,
} from './test-support/discord-test-bed.ts';

let bed: DiscordTestBed;

beforeEach(async () => {
  bed = await startDiscordTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const hookPath = () => `/api/v10/webhooks/${bed.fake.state.webhook.id}/${bed.fake.state.webhook.token}`;
const messages = () => [...bed.fake.state.messages.values()];

describe('Discord publish', () => {
  it('executes the webhook with ?wait=true and links to the message', async () => {
    const result = await discordProvider.publish(
      bed.context,
      bed.account,
      discordRequest([{ text: 'Hello from Plume', media: [] }]),
    );

    const [message] = messages();
    expect(message?.content).toBe('Hello from Plume');
    expect(result).toEqual({
      remoteId: message?.id,
      url: `https://discord.com/channels/111111111111111111/222222222222222222/${message?.id}`,
      extra: [],
    });
    const request = bed.fake.server.requests[0];
    expect(`${request?.method} ${request?.path}?${request?.query.toString()}`).toBe(`POST ${hookPath()}?wait=true`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.body).toEqual({ content: 'Hello from Plume', allowed_mentions: { parse: [] } });
  });

  it('adds the link, and applies name, mentions and embed settings', async () => {
    const request = discordRequest([{ text: 'Launch', media: [] }], {
      link: 'https://plume.example/launch',
      settings: { username: 'Plume Bot', allowMentions: true, suppressEmbeds: true },
    });
    await discordProvider.publish(bed.context, bed.account, request);

    expect(bed.fake.server.requests[0]?.body).toEqual({
      content: 'Launch\n\nhttps://plume.example/launch',
      username: 'Plume Bot',
      flags: 4,
    });
  });

  it('uploads files as multipart files[n] with payload_json; alt text becomes the attachment description', async () => {
    const image = testMedia({ fileName: 'quill.png', altText: 'A quill on paper' });
    const video = testMedia({ kind: 'video', mimeType: 'video/mp4', fileName: 'clip.mp4' }, 4096);
    await discordProvider.publish(bed.context, bed.account, discordRequest([{ text: 'Files', media: [image, video] }]));

    const [message] = messages();
    expect(
      message?.attachments.map(({ filename, description, contentType, bytes }) => ({
        filename,
        description,
        contentType,
        size: bytes.length,
      })),
    ).toEqual([
      { filename: 'quill.png', description: 'A quill on paper', contentType: 'image/png', size: 2048 },
      { filename: 'clip.mp4', description: undefined, contentType: 'video/mp4', size: 4096 },
    ]);
    expect(message?.attachments[0]?.bytes).toEqual(Buffer.from(await image.read()));
    expect(message?.payload).toEqual({
      content: 'Files',
      allowed_mentions: { parse: [] },
      attachments: [
        { id: 0, filename: 'quill.png', description: 'A quill on paper' },
        { id: 1, filename: 'clip.mp4' },
      ],
    });
    const request = bed.fake.server.requests[0];
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request?.formData();
    expect([...(form?.keys() ?? [])]).toEqual(['payload_json', 'files[0]', 'files[1]']);
  });

  it('posts into a thread with thread_id, and deletes it there', async () => {
    const result = await discordProvider.publish(
      bed.context,
      bed.account,
      discordRequest([{ text: 'In a thread', media: [] }], { settings: { threadId: '333333333333333333' } }),
    );
    const [message] = messages();

    expect(bed.fake.server.requests[0]?.query.get('thread_id')).toBe('333333333333333333');
    expect(result.remoteId).toBe(`333333333333333333:${message?.id}`);
    expect(result.url).toBe(`https://discord.com/channels/111111111111111111/333333333333333333/${message?.id}`);

    await discordProvider.delete(bed.context, bed.account, result.remoteId);
    expect(messages()).toEqual([]);
    expect(bed.fake.server.requests[1]?.query.get('thread_id')).toBe('333333333333333333');
  });

  it('deletes with DELETE …/messages/<id>; deleting again (Unknown Message) succeeds', async () => {
    const result = await discordProvider.publish(
      bed.context,
      bed.account,
      discordRequest([{ text: 'Short-lived', media: [] }]),
    );

    await discordProvider.delete(bed.context, bed.account, result.remoteId);
    await discordProvider.delete(bed.context, bed.account, result.remoteId);

    expect(messages()).toEqual([]);
    const deletes = bed.fake.server.requests.filter((request) => request.method === 'DELETE');
    expect(deletes.map((request) => request.path)).toEqual([
      `${hookPath()}/messages/${result.remoteId}`,
      `${hookPath()}/messages/${result.remoteId}`,
    ]);
    await expect(discordProvider.delete(bed.context, bed.account, 'not-an-id')).rejects.toMatchObject({
      kind: 'permanent',
    });
  });

  it('refuses thread parts: webhooks post single messages', async () => {
    const request = discordRequest([
      { text: 'one', media: [] },
      { text: 'two', media: [] },
    ]);
    await expect(discordProvider.publish(bed.context, bed.account, request)).rejects.toMatchObject({
      kind: 'permanent',
    });
    expect(messages()).toEqual([]);
  });

  it('explains Discord form errors in plain words', async () => {
    await expect(
      discordProvider.publish(bed.context, bed.account, discordRequest([{ text: 'x'.repeat(2001), media: [] }])),
    ).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: '50035',
      reason: expect.stringContaining('content: Must be 2000 or fewer in length.'),
    });
    const forum = discordRequest([{ text: 'x', media: [] }], { settings: { threadName: 'Title' } });
    await expect(discordProvider.publish(bed.context, bed.account, forum)).rejects.toMatchObject({
      vendorCode: '220003',
      reason: expect.stringContaining('forum'),
    });
  });
});

describe('Discord validate', () => {
  const validate = discordProvider.validate ?? (() => []);

  it('flags a link that no longer fits and an empty message', () => {
    expect(validate(discordRequest([{ text: 'fine', media: [] }]))).toEqual([]);
    expect(
      validate(discordRequest([{ text: 'a'.repeat(1990), media: [] }], { link: 'https://plume.example/launch' })),
    ).toHaveLength(1);
    expect(validate(discordRequest([{ text: ' ', media: [] }]))).toEqual([
      { path: 'parts.0.text', message: expect.stringContaining('text or a file') },
    ]);
    expect(validate(discordRequest([{ text: '', media: [testMedia()] }]))).toEqual([]);
  });
});
