/**
 * Checks each target against its network's manifest before a post may be submitted or scheduled:
 * text counted the network's way, title, media kinds/sizes/durations/aspect ratios, thread and first
 * comment support, settings, and the network's own extra checks. Media are checked by the contract's
 * `checkMedia`, the same function the composer runs before upload. Messages are plain words; paths
 * point at the field the composer shows (`targets.1.text`).
 */
import type { FieldError } from '@plume/errors/app-error';
import { checkMedia } from '@plume/contract/posts/media-rules';
import { asPublished } from '@plume/contract/media/video-conform';
import type {
  NetworkManifest,
  NetworkProvider,
  PublishMedia,
  PublishRequest,
  TextRules,
} from '@plume/networks/contract';
import { fitsLimit } from '@plume/networks/text/fit-text';
import type { ResolvedContent } from './resolve-target-content.ts';

export type MediaFacts = Pick<
  PublishMedia,
  'id' | 'kind' | 'mimeType' | 'bytes' | 'width' | 'height' | 'durationSec' | 'altText'
>;

export type TargetToCheck = {
  index: number;
  provider: NetworkProvider;
  accountStatus: 'connected' | 'disconnected';
  /** The account's stored metadata: some servers set their own limits (Mastodon instances). */
  accountMetadata: Readonly<Record<string, string>>;
  content: ResolvedContent;
  settings: Record<string, unknown>;
  media: ReadonlyMap<string, MediaFacts>;
};

function mediaErrors(
  manifest: NetworkManifest,
  items: MediaFacts[],
  path: string,
  requireMedia: boolean,
): FieldError[] {
  // A video is checked as it will go out: its rendition when the network would not take it as it is.
  const videoRule = manifest.media.rules.find((rule) => rule.kind === 'video');
  const sendable = items.map((item) =>
    item.kind === 'video' && videoRule !== undefined ? { ...item, ...asPublished(item, videoRule, false) } : item,
  );
  return checkMedia(sendable, manifest.media, manifest.name, requireMedia).map((problem) => ({
    path: problem.item === undefined ? path : `${path}.${problem.item}`,
    message: problem.message,
  }));
}

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

// The byte cap (Bluesky) is the network's validate()'s to report: it measures the text with the link it adds.
function checkText(network: string, rules: TextRules, text: string, path: string, required: boolean): FieldError[] {
  if (text.trim().length === 0) return required ? [{ path, message: `${network} needs text.` }] : [];
  const check = fitsLimit(text, { max: rules.limit, method: rules.count });
  if (check.refusedCharacter !== undefined) {
    return [
      {
        path,
        message: `${network} refuses posts with the invisible character ${codePoint(check.refusedCharacter)}; remove it.`,
      },
    ];
  }
  if (check.count <= rules.limit) return [];
  const withWarning =
    rules.count.kind === 'mastodon' && (rules.count.spoilerText ?? '') !== ''
      ? ' (the content warning counts too)'
      : '';
  return [
    {
      path,
      message: `The text is ${check.count} characters as ${network} counts them${withWarning}; ${network} allows ${rules.limit}. Shorten it by ${check.count - rules.limit}.`,
    },
  ];
}

/** The text limit that applies to this target: its account's server and its settings may change it. */
export function textRulesOf(
  provider: NetworkProvider,
  metadata: Readonly<Record<string, string>>,
  settings: Readonly<Record<string, unknown>> = {},
): TextRules {
  return (
    provider.textRulesFor?.(metadata, settings) ?? {
      limit: provider.manifest.text.limit,
      count: provider.manifest.text.count,
    }
  );
}

export function validateTarget(target: TargetToCheck): FieldError[] {
  const { manifest } = target.provider;
  const base = `targets.${target.index}`;
  const errors: FieldError[] = [];
  if (target.accountStatus === 'disconnected')
    errors.push({ path: `${base}.accountId`, message: 'This account is disconnected; reconnect it first.' });
  const { content } = target;
  const mediaOf = (ids: string[], path: string) =>
    ids
      .map((id, position) => {
        const facts = target.media.get(id);
        if (facts === undefined)
          errors.push({ path: `${path}.${position}`, message: 'This media file does not exist.' });
        return facts;
      })
      .filter((item): item is MediaFacts => item !== undefined);
  const mainMedia = mediaOf(content.mediaIds, `${base}.mediaIds`);
  const textRules = textRulesOf(target.provider, target.accountMetadata, target.settings);
  errors.push(
    ...checkText(
      manifest.name,
      textRules,
      content.text,
      `${base}.text`,
      manifest.text.required && mainMedia.length === 0,
    ),
  );
  errors.push(...mediaErrors(manifest, mainMedia, `${base}.mediaIds`, manifest.media.required));
  if (manifest.text.titleLimit !== undefined) {
    const title = content.title ?? '';
    if (manifest.text.titleRequired === true && title.trim().length === 0)
      errors.push({ path: `${base}.title`, message: `${manifest.name} needs a title.` });
    if (title.length > manifest.text.titleLimit)
      errors.push({
        path: `${base}.title`,
        message: `The title is ${title.length} characters; ${manifest.name} allows ${manifest.text.titleLimit}.`,
      });
  }
  if (content.thread.length > 0) {
    if (!manifest.thread.supported)
      errors.push({ path: `${base}.thread`, message: `${manifest.name} does not support threads.` });
    else if (content.thread.length + 1 > manifest.thread.maxParts)
      errors.push({
        path: `${base}.thread`,
        message: `${manifest.name} threads have at most ${manifest.thread.maxParts} parts.`,
      });
    content.thread.forEach((part, position) => {
      errors.push(...checkText(manifest.name, textRules, part.text, `${base}.thread.${position}.text`, true));
      errors.push(
        ...mediaErrors(
          manifest,
          mediaOf(part.mediaIds, `${base}.thread.${position}.mediaIds`),
          `${base}.thread.${position}.mediaIds`,
          false,
        ),
      );
    });
  }
  if (content.firstComment !== undefined && content.firstComment.length > 0 && !manifest.firstComment) {
    errors.push({ path: `${base}.firstComment`, message: `${manifest.name} does not support a first comment.` });
  }
  if (content.link !== undefined && !manifest.link.supported)
    errors.push({ path: `${base}.link`, message: `${manifest.name} posts cannot carry a link.` });
  const settings = manifest.settings.safeParse(target.settings);
  if (!settings.success) {
    for (const issue of settings.error.issues)
      errors.push({ path: [`${base}.settings`, ...issue.path.map(String)].join('.'), message: issue.message });
  } else if (target.provider.validate !== undefined) {
    const request: PublishRequest = {
      parts: [{ text: content.text, media: [] }, ...content.thread.map((part) => ({ text: part.text, media: [] }))],
      ...(content.title === undefined ? {} : { title: content.title }),
      ...(content.link === undefined ? {} : { link: content.link }),
      ...(content.firstComment === undefined ? {} : { firstComment: content.firstComment }),
      settings: settings.data,
      idempotencyKey: 'validation',
    };
    for (const issue of target.provider.validate(request))
      errors.push({ path: `${base}.${issue.path}`, message: issue.message });
  }
  return errors;
}
