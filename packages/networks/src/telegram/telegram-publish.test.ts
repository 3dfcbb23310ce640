import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { telegramProvider } from './provider.ts';
import {
  CHANNEL_ID,
  startTelegramTestBed,
  telegramRequest,
  testMedia,
  type TelegramTestBed,
} from './test-support/telegram-test-bed.ts';

let bed: TelegramTestBed;

beforeEach(async () => {
  bed = await startTelegramTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const sent = () => bed.fake.messagesIn(CHANNEL_ID);
const botPath = (method: string) => `/bot${bed.fake.state.bot.token}/${method}`;

describe('Telegram publish', () => {
  it('sends text with sendMessage and links to the message on t.me', async () => {
    const result = await telegramProvider.publish(
      bed.context,
      bed.account,
      telegramRequest([{ text: 'Hello from Plume', media: [] }]),
    );

    const [message] = sent();
    expect(message?.text).toBe('Hello from Plume');
    expect(result).toEqual({
      remoteId: String(message?.messageId),
      url: `https://t.me/plume_news/${message?.messageId}`,
      extra: [],
    });
    const request = bed.fake.server.requests[0];
    expect(`${request?.method} ${request?.path}`).toBe(`POST ${botPath('sendMessage')}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({ chat_id: String(CHANNEL_ID), text: 'Hello from Plume' });
  });

  it('adds the link to the text, previews it, and honours the silent and protect settings', async () => {
    const link = 'https://plume.example/launch';
    const request = telegramRequest([{ text: 'Launch day', media: [] }], {
      link,
      settings: { disableNotification: true, protectContent: true },
    });
    await telegramProvider.publish(bed.context, bed.account, request);

    expect(bed.fake.server.requests[0]?.body).toEqual({
      chat_id: String(CHANNEL_ID),
      text: `Launch day\n\n${link}`,
      link_preview_options: { url: link },
      disable_notification: true,
      protect_content: true,
    });
  });

  it('turns link previews off when the setting says so', async () => {
    await telegramProvider.publish(
      bed.context,
      bed.account,
      telegramRequest([{ text: 'No preview https://plume.example', media: [] }], { settings: { linkPreview: false } }),
    );
    expect(bed.fake.server.requests[0]?.body).toMatchObject({ link_preview_options: { is_disabled: true } });
  });

  it('uploads one photo with sendPhoto (multipart) and the text as caption', async () => {
    const photo = testMedia({ fileName: 'quill.png' });
    await telegramProvider.publish(bed.context, bed.account, telegramRequest([{ text: 'A quill', media: [photo] }]));

    const [message] = sent();
    expect(message?.method).toBe('sendPhoto');
    expect(message?.caption).toBe('A quill');
    expect(message?.file).toEqual({
      field: 'photo',
      name: 'quill.png',
      type: 'image/png',
      bytes: Buffer.from(await photo.read()),
    });
    expect(bed.fake.server.requests[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(message?.params['chat_id']).toBe(String(CHANNEL_ID));
  });

  it('sends a video with sendVideo (size, duration, streaming) and a GIF with sendAnimation', async () => {
    const video = testMedia({
      kind: 'video',
      mimeType: 'video/mp4',
      fileName: 'clip.mp4',
      width: 1280,
      height: 720,
      durationSec: 12.4,
    });
    const gif = testMedia({ kind: 'gif', mimeType: 'image/gif', fileName: 'fun.gif' });
    await telegramProvider.publish(
      bed.context,
      bed.account,
      telegramRequest([
        { text: '', media: [video] },
        { text: 'gif', media: [gif] },
      ]),
    );

    const [videoMessage, gifMessage] = sent();
    expect(videoMessage?.method).toBe('sendVideo');
    expect(videoMessage?.caption).toBeUndefined();
    expect(videoMessage?.params).toMatchObject({
      width: '1280',
      height: '720',
      duration: '12',
      supports_streaming: 'true',
    });
    expect(videoMessage?.file?.field).toBe('video');
    expect(gifMessage?.method).toBe('sendAnimation');
    expect(gifMessage?.file?.field).toBe('animation');
  });

  it('sends several photos and videos as one album (sendMediaGroup, attach://), caption on the first', async () => {
    const media = [
      testMedia({ fileName: 'a.png' }),
      testMedia({ kind: 'video', mimeType: 'video/mp4', fileName: 'b.mp4' }),
      testMedia({ fileName: 'c.png' }),
    ];
    const result = await telegramProvider.publish(
      bed.context,
      bed.account,
      telegramRequest([{ text: 'Album', media }]),
    );

    const messages = sent();
    expect(messages.map((message) => message.file?.name)).toEqual(['a.png', 'b.mp4', 'c.png']);
    expect(messages.map((message) => message.caption)).toEqual(['Album', undefined, undefined]);
    expect(result.remoteId).toBe(messages.map((message) => message.messageId).join(','));
    expect(result.url).toBe(`https://t.me/plume_news/${messages[0]?.messageId}`);
    const form = await bed.fake.server.requests[0]?.formData();
    expect(JSON.parse(form?.get('media') as string)).toEqual([
      { type: 'photo', media: 'attach://file0', caption: 'Album' },
      { type: 'video', media: 'attach://file1', supports_streaming: true },
      { type: 'photo', media: 'attach://file2' },
    ]);
  });

  it('sends thread parts as replies to the part before', async () => {
    const request = telegramRequest([
      { text: 'Part 1', media: [] },
      { text: 'Part 2', media: [testMedia()] },
      { text: 'Part 3', media: [] },
    ]);
    const result = await telegramProvider.publish(bed.context, bed.account, request);

    const [first, second, third] = sent();
    expect(second?.replyTo).toBe(first?.messageId);
    expect(third?.replyTo).toBe(second?.messageId);
    expect(result.extra.map((item) => item.remoteId)).toEqual([String(second?.messageId), String(third?.messageId)]);
    expect(bed.fake.server.requests[2]?.body).toMatchObject({ reply_parameters: { message_id: second?.messageId } });
  });

  it('links private channels through t.me/c', async () => {
    await bed.fake.close();
    bed = await startTelegramTestBed('-1009876543210');
    const result = await telegramProvider.publish(
      bed.context,
      bed.account,
      telegramRequest([{ text: 'Members only', media: [] }]),
    );
    expect(result.url).toBe(`https://t.me/c/9876543210/${result.remoteId}`);
  });

  it('deletes a message with deleteMessage; deleting it again succeeds', async () => {
    const result = await telegramProvider.publish(
      bed.context,
      bed.account,
      telegramRequest([{ text: 'Short-lived', media: [] }]),
    );

    await telegramProvider.delete(bed.context, bed.account, result.remoteId);
    await telegramProvider.delete(bed.context, bed.account, result.remoteId);

    expect(sent()).toEqual([]);
    const deletes = bed.fake.server.requests.filter((request) => request.path === botPath('deleteMessage'));
    expect(deletes.map((request) => request.body)).toEqual([
      { chat_id: String(CHANNEL_ID), message_id: Number(result.remoteId) },
      { chat_id: String(CHANNEL_ID), message_id: Number(result.remoteId) },
    ]);
  });

  it('deletes a whole album with deleteMessages', async () => {
    const result = await telegramProvider.publish(
      bed.context,
      bed.account,
      telegramRequest([{ text: 'Album', media: [testMedia(), testMedia()] }]),
    );
    await telegramProvider.delete(bed.context, bed.account, result.remoteId);

    expect(sent()).toEqual([]);
    const request = bed.fake.server.requests.find((entry) => entry.path === botPath('deleteMessages'));
    expect(request?.body).toEqual({ chat_id: String(CHANNEL_ID), message_ids: result.remoteId.split(',').map(Number) });
  });

  it('refuses ids that are not Telegram message ids and explains a message too old to delete', async () => {
    await expect(telegramProvider.delete(bed.context, bed.account, 'at://x')).rejects.toMatchObject({
      kind: 'permanent',
    });
    bed.fake.server.failNext({
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: message can't be deleted" },
    });
    await expect(telegramProvider.delete(bed.context, bed.account, '5')).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('48 hours'),
    });
  });
});

describe('Telegram validate', () => {
  const validate = telegramProvider.validate ?? (() => []);

  it('limits captions to 1,024 UTF-16 units, keeps GIFs out of albums and needs some content', () => {
    expect(validate(telegramRequest([{ text: 'x'.repeat(4096), media: [] }]))).toEqual([]);
    const problems = validate(
      telegramRequest([
        { text: '😀'.repeat(513), media: [testMedia()] },
        { text: 'gif', media: [testMedia({ kind: 'gif', mimeType: 'image/gif' }), testMedia()] },
        { text: '  ', media: [] },
      ]),
    );
    expect(problems.map((problem) => problem.path)).toEqual(['parts.0.text', 'parts.1.media', 'parts.2.text']);
  });
});
