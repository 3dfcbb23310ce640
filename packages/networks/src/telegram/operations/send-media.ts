/**
 * Messages with media, files uploaded in the request (multipart/form-data): one photo → sendPhoto,
 * one video → sendVideo, one GIF → sendAnimation, several photos/videos → sendMediaGroup with an
 * InputMedia array whose `media` fields say `attach://<field>`. The text goes in the caption (of the
 * first item for an album); an audio file → sendAudio. Docs: core.telegram.org/bots/api#sendphoto, #sendvideo, #sendanimation, #sendaudio,
 * #sendmediagroup, #inputmediaphoto, #inputmediavideo, #sending-files
 */
import { z } from 'zod';
import type { NetworkContext, PublishMedia } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { messageSchema, telegramMethod } from '../client.ts';

const SINGLE_METHODS: Record<PublishMedia['kind'], { method: string; field: string }> = {
  image: { method: 'sendPhoto', field: 'photo' },
  video: { method: 'sendVideo', field: 'video' },
  gif: { method: 'sendAnimation', field: 'animation' },
  audio: { method: 'sendAudio', field: 'audio' },
};

/** Options every send method shares (chat, caption, notification, reply). */
export interface SendOptions {
  chatId: string;
  text: string;
  disableNotification: boolean;
  protectContent: boolean;
  replyTo: number | undefined;
}

function commonFields(form: FormData, options: SendOptions): void {
  form.set('chat_id', options.chatId);
  if (options.disableNotification) form.set('disable_notification', 'true');
  if (options.protectContent) form.set('protect_content', 'true');
  if (options.replyTo !== undefined) form.set('reply_parameters', JSON.stringify({ message_id: options.replyTo }));
}

function videoFacts(media: PublishMedia): Record<string, number | boolean> {
  if (media.kind !== 'video') return {};
  return {
    ...(media.width === undefined ? {} : { width: media.width }),
    ...(media.height === undefined ? {} : { height: media.height }),
    ...(media.durationSec === undefined ? {} : { duration: Math.round(media.durationSec) }),
    supports_streaming: true,
  };
}

async function fileOf(media: PublishMedia): Promise<Blob> {
  return new Blob([(await media.read()).slice()], { type: media.mimeType });
}

/** Sends one media message or an album and returns the ids of the messages Telegram created. */
export async function sendMedia(
  context: NetworkContext,
  token: string,
  media: readonly PublishMedia[],
  options: SendOptions,
): Promise<number[]> {
  const form = new FormData();
  commonFields(form, options);
  const [only] = media;
  if (media.length === 1 && only !== undefined) {
    const { method, field } = SINGLE_METHODS[only.kind];
    if (options.text !== '') form.set('caption', options.text);
    for (const [name, value] of Object.entries(videoFacts(only))) form.set(name, String(value));
    form.set(field, await fileOf(only), only.fileName);
    const sent = await telegramMethod(context, {
      token,
      method,
      payload: form,
      schema: messageSchema,
      what: 'send the message',
      write: true,
    });
    return [sent.message_id];
  }
  if (media.some((item) => item.kind === 'gif'))
    throw new Permanent('Telegram sends a GIF on its own; it cannot be part of an album.');
  const items = await Promise.all(
    media.map(async (item, index) => {
      const field = `file${index}`;
      form.set(field, await fileOf(item), item.fileName);
      return {
        type: item.kind === 'video' ? 'video' : 'photo',
        media: `attach://${field}`,
        ...(index === 0 && options.text !== '' ? { caption: options.text } : {}),
        ...videoFacts(item),
      };
    }),
  );
  form.set('media', JSON.stringify(items));
  const sent = await telegramMethod(context, {
    token,
    method: 'sendMediaGroup',
    payload: form,
    schema: z.array(messageSchema).min(1),
    what: 'send the album',
    write: true,
  });
  return sent.map((message) => message.message_id);
}
