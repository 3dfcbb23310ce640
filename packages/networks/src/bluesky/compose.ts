/**
 * The text a Bluesky post is sent with. A link either becomes the post's card (no images, cards on)
 * or, when a card is not possible, is added to the end of the first part unless the text already
 * holds it; validation and publishing share this so what is checked is what is sent.
 */
import type { PublishRequest } from '../contract.ts';
import { readSettings } from '../shared/read-settings.ts';
import { blueskySettingsSchema } from './manifest.ts';

export type BlueskySettings = ReturnType<typeof blueskySettingsSchema.parse>;

/** Settings with defaults; settings that do not parse fail the post with a plain reason (`readSettings`). */
export function readBlueskySettings(request: PublishRequest): BlueskySettings {
  return readSettings('Bluesky', blueskySettingsSchema, request.settings);
}

/** Whether the first part gets a link card instead of the link in its text. */
export function usesLinkCard(request: PublishRequest, settings: BlueskySettings): boolean {
  return request.link !== undefined && settings.linkCard && request.parts[0].media.length === 0;
}

/** The text of part `index` as it will be posted. */
export function composedText(request: PublishRequest, index: number, settings: BlueskySettings): string {
  const text = request.parts[index]?.text ?? '';
  const link = request.link;
  if (index > 0 || link === undefined || usesLinkCard(request, settings) || text.includes(link)) return text;
  return text.trim() === '' ? link : `${text.trimEnd()}\n\n${link}`;
}

/** `at://<did>/<collection>/<rkey>` → its parts; undefined for anything else. */
export function parseAtUri(uri: string): { repo: string; collection: string; rkey: string } | undefined {
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/.exec(uri);
  if (match === null) return undefined;
  return { repo: match[1] ?? '', collection: match[2] ?? '', rkey: match[3] ?? '' };
}
