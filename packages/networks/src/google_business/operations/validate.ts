/**
 * Business Profile checks the manifest cannot express: something to show, a complete event for EVENT
 * and OFFER posts, and a link for a button that needs one.
 */
import type { PublishRequest } from '../../contract.ts';
import { googleBusinessSettings } from '../manifest.ts';
import { parseLocalDateTime } from './local-post.ts';

type Issue = { path: string; message: string };

/** Problems in plain words; an empty list means Google should accept the post. */
export function validateGoogleBusiness(request: PublishRequest): Issue[] {
  const issues: Issue[] = [];
  const part = request.parts[0];
  const parsed = googleBusinessSettings.safeParse(request.settings);
  if (!parsed.success) return [{ path: 'settings', message: 'The Google Business Profile settings are not valid.' }];
  const settings = parsed.data;
  if (part.text.trim().length === 0 && part.media.length === 0) {
    issues.push({ path: 'parts.0.text', message: 'A Google Business Profile post needs text or a photo.' });
  }
  if (part.media.some((item) => item.kind !== 'image')) {
    issues.push({
      path: 'parts.0.media',
      message: 'Google Business Profile posts take one photo; videos are not supported.',
    });
  }
  if (settings.topic_type !== 'STANDARD') {
    const kind = settings.topic_type === 'EVENT' ? 'An event' : 'An offer';
    if (settings.event_title === undefined)
      issues.push({ path: 'settings.event_title', message: `${kind} needs a title.` });
    const start = settings.event_start === undefined ? undefined : parseLocalDateTime(settings.event_start);
    const end = settings.event_end === undefined ? undefined : parseLocalDateTime(settings.event_end);
    if (start === undefined)
      issues.push({ path: 'settings.event_start', message: `${kind} needs a valid start date.` });
    if (end === undefined) issues.push({ path: 'settings.event_end', message: `${kind} needs a valid end date.` });
    if (start !== undefined && end !== undefined && endsBeforeStart(settings.event_start!, settings.event_end!)) {
      issues.push({ path: 'settings.event_end', message: `${kind} cannot end before it starts.` });
    }
  }
  const buttonNeedsLink =
    settings.call_to_action !== undefined && settings.call_to_action !== 'CALL' && settings.topic_type !== 'OFFER';
  if (buttonNeedsLink && (request.link === undefined || request.link.length === 0)) {
    issues.push({ path: 'link', message: 'The button of this post needs a link.' });
  }
  return issues;
}

/** A date without a time means the whole day, so only dates are compared then. */
function endsBeforeStart(start: string, end: string): boolean {
  const withTimes = start.length > 10 && end.length > 10;
  return withTimes ? end < start : end.slice(0, 10) < start.slice(0, 10);
}
