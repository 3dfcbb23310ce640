/**
 * Builds the v4 `LocalPost` body: summary, topic type, the call-to-action button from the post's link,
 * the event (EVENT and OFFER posts), the offer details, and the photo Google fetches from its URL.
 *
 * Docs: https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts#LocalPost
 */
import type { PublishRequest } from '../../contract.ts';
import type { GoogleBusinessSettings } from '../manifest.ts';

interface GoogleDate {
  year: number;
  month: number;
  day: number;
}

interface TimeOfDay {
  hours: number;
  minutes: number;
}

export interface LocalPostBody {
  topicType: GoogleBusinessSettings['topic_type'];
  summary?: string;
  languageCode?: string;
  callToAction?: { actionType: string; url?: string };
  event?: {
    title: string;
    schedule: { startDate: GoogleDate; startTime?: TimeOfDay; endDate: GoogleDate; endTime?: TimeOfDay };
  };
  offer?: { couponCode?: string; redeemOnlineUrl?: string; termsConditions?: string };
  media?: { mediaFormat: 'PHOTO'; sourceUrl: string }[];
}

/**
 * `2026-12-24T18:30` → Google's Date and TimeOfDay (local to the business); undefined when malformed.
 * @example parseLocalDateTime('2026-12-24') // { date: { year: 2026, month: 12, day: 24 } }
 */
export function parseLocalDateTime(text: string): { date: GoogleDate; time?: TimeOfDay } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  const date = { year, month, day };
  if (match[4] === undefined) return { date };
  const time = { hours: Number(match[4]), minutes: Number(match[5]) };
  return time.hours < 24 && time.minutes < 60 ? { date, time } : undefined;
}

/** The LocalPost to create for a request (already validated). */
export function buildLocalPost(request: PublishRequest, settings: GoogleBusinessSettings): LocalPostBody {
  const part = request.parts[0];
  const body: LocalPostBody = { topicType: settings.topic_type };
  const summary = part.text.trim();
  if (summary.length > 0) body.summary = summary;
  if (settings.language_code !== undefined) body.languageCode = settings.language_code;

  // Google ignores callToAction on offers; the link is where the offer is redeemed instead.
  const callToAction = settings.topic_type === 'OFFER' ? undefined : buttonFor(settings, request.link);
  if (callToAction !== undefined) body.callToAction = callToAction;
  if (settings.topic_type !== 'STANDARD') {
    const event = eventOf(settings);
    if (event !== undefined) body.event = event;
  }
  if (settings.topic_type === 'OFFER') body.offer = offerOf(settings, request.link);

  const photos = part.media
    .filter((item) => item.kind === 'image')
    .map((item) => ({ mediaFormat: 'PHOTO' as const, sourceUrl: item.publicUrl }));
  if (photos.length > 0) body.media = photos;
  return body;
}

function buttonFor(settings: GoogleBusinessSettings, link: string | undefined): LocalPostBody['callToAction'] {
  if (settings.call_to_action === 'CALL') return { actionType: 'CALL' };
  if (link === undefined || link.length === 0) return undefined;
  return { actionType: settings.call_to_action ?? 'LEARN_MORE', url: link };
}

function eventOf(settings: GoogleBusinessSettings): LocalPostBody['event'] {
  const start = settings.event_start === undefined ? undefined : parseLocalDateTime(settings.event_start);
  const end = settings.event_end === undefined ? undefined : parseLocalDateTime(settings.event_end);
  if (settings.event_title === undefined || start === undefined || end === undefined) return undefined;
  return {
    title: settings.event_title,
    schedule: {
      startDate: start.date,
      ...(start.time === undefined ? {} : { startTime: start.time }),
      endDate: end.date,
      ...(end.time === undefined ? {} : { endTime: end.time }),
    },
  };
}

function offerOf(settings: GoogleBusinessSettings, link: string | undefined): NonNullable<LocalPostBody['offer']> {
  const redeem = settings.redeem_online_url ?? link;
  return {
    ...(settings.coupon_code === undefined ? {} : { couponCode: settings.coupon_code }),
    ...(redeem === undefined || redeem.length === 0 ? {} : { redeemOnlineUrl: redeem }),
    ...(settings.terms_conditions === undefined ? {} : { termsConditions: settings.terms_conditions }),
  };
}
