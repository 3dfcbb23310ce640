/**
 * Mastodon rules the manifest cannot express: each server sets its own text limit and URL weight
 * (read at connect, see identity.ts), and the content warning counts toward it together with the
 * text (StatusLengthValidator: `[spoiler_text, text].join`), on every part; a video (or animated GIF, which Mastodon turns into a video)
 * must be the only attachment; a post needs text or media.
 */
import type { PublishRequest, TextRules } from '../contract.ts';
import { mastodonManifest, mastodonSettingsSchema } from './manifest.ts';

function positiveInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const parsed = Number(value);
  return parsed > 0 ? parsed : undefined;
}

/**
 * The account's server limits (`maxCharacters`, `charactersPerUrl` metadata), else the manifest's
 * defaults, counting the target's content warning (`spoilerText` setting) with the text.
 */
export function mastodonTextRules(
  metadata: Readonly<Record<string, string>>,
  settings: Readonly<Record<string, unknown>> = {},
): TextRules {
  const limit = positiveInteger(metadata['maxCharacters']) ?? mastodonManifest.text.limit;
  const perUrl = metadata['charactersPerUrl'];
  const urlLength = perUrl !== undefined && /^\d+$/.test(perUrl) ? Number(perUrl) : undefined;
  const parsed = mastodonSettingsSchema.safeParse(settings);
  const spoilerText = parsed.success ? parsed.data.spoilerText : '';
  return {
    limit,
    count: {
      kind: 'mastodon',
      ...(urlLength === undefined ? {} : { urlLength }),
      ...(spoilerText === '' ? {} : { spoilerText }),
    },
  };
}

/** Plain-words problems with a request, one per offending part. */
export function validateForMastodon(request: PublishRequest): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  request.parts.forEach((part, index) => {
    const motion = part.media.some((media) => media.kind === 'video' || media.kind === 'gif');
    if (motion && part.media.length > 1) {
      problems.push({
        path: `parts.${index}.media`,
        message: 'Mastodon allows one video or GIF per post, and nothing else with it.',
      });
    }
    if (part.text.trim() === '' && part.media.length === 0) {
      problems.push({ path: `parts.${index}.text`, message: 'A Mastodon post needs text or media.' });
    }
  });
  return problems;
}
