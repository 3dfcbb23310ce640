/**
 * The parts of a post around its body: a title (YouTube, Reddit, Pinterest, TikTok) and further thread
 * parts (X, Bluesky, Threads, Mastodon, Telegram). A generated title is trimmed at a word boundary to the
 * network's title limit, counted as post validation counts it (UTF-16 units, like `String.length`);
 * each thread part is repaired like a post body (`fitToLimit`). A title or thread the network has no
 * place for is dropped, with a warning. `checkTitleThread` measures a user's own edit without changing it.
 */
import { fitsLimit, truncateToLimit, type TextLimit } from '@plume/networks/text/fit-text';
import { fitToLimit } from './fit-to-limit.ts';
import { textLimitOf, type TargetNetwork } from './target-network.ts';

export type TitleThread = { title?: string | undefined; thread?: readonly string[] | undefined };
export type FittedTitleThread = { title?: string; thread: string[]; warnings: string[] };

/** The network's title limit, or undefined when its posts have no separate title. */
export function titleLimitOf(network: TargetNetwork): TextLimit | undefined {
  const max = network.text.titleLimit;
  return max === undefined ? undefined : { max, method: { kind: 'utf16_units' } };
}

/** Thread parts after the first: 0 when the network has no threads. */
export function maxExtraParts(network: TargetNetwork): number {
  return network.thread.supported ? Math.max(0, network.thread.maxParts - 1) : 0;
}

function fitTitle(title: string | undefined, network: TargetNetwork, warnings: string[]): string | undefined {
  const limit = titleLimitOf(network);
  if (limit === undefined) {
    if (title) warnings.push(`${network.name} posts have no title; the suggested title was left out.`);
    return undefined;
  }
  if (!title) {
    if (network.text.titleRequired) warnings.push(`${network.name} needs a title; add one before publishing.`);
    return undefined;
  }
  if (fitsLimit(title, limit).fits) return title;
  const trimmed = truncateToLimit(title, limit);
  warnings.push(
    `The title was ${fitsLimit(title, limit).count} characters; ${network.name} allows ${limit.max}, so it was shortened.`,
  );
  return trimmed || undefined;
}

function fitThread(
  parts: readonly string[],
  network: TargetNetwork,
  language: string | undefined,
  warnings: string[],
): string[] {
  if (parts.length === 0) return [];
  const room = maxExtraParts(network);
  if (room === 0) {
    warnings.push(`${network.name} has no threads; ${parts.length} thread part(s) were left out.`);
    return [];
  }
  if (parts.length > room)
    warnings.push(
      `${network.name} allows ${network.thread.maxParts} parts in a thread; ${parts.length - room} were left out.`,
    );
  const limit = textLimitOf(network);
  return parts.slice(0, room).map((part, index) => {
    const fitted = fitToLimit({ text: part }, limit, language);
    if (fitted.action === 'fits') return part;
    if (fitted.text && fitted.action !== 'needs_rewrite') return fitted.text;
    warnings.push(`Thread part ${index + 2} for ${network.name} is over the limit; shorten it before publishing.`);
    return fitted.text || part;
  });
}

/**
 * @example fitTitleThread({ title: 'A very long title…', thread: ['Part two'] }, youtube, 'en')
 * // { title: 'A very long…', thread: [], warnings: ['YouTube has no threads; …'] }
 */
export function fitTitleThread(post: TitleThread, network: TargetNetwork, language?: string): FittedTitleThread {
  const warnings: string[] = [];
  const title = fitTitle(post.title, network, warnings);
  const thread = fitThread(post.thread ?? [], network, language, warnings);
  return { ...(title === undefined ? {} : { title }), thread, warnings };
}

export type TitleThreadIssue = { path: 'title' | 'thread' | `thread.${number}`; message: string; blocking: boolean };

/**
 * Measures a user's title and thread parts against the network without changing them. A title or
 * thread the network has no place for is `blocking` (the edit is refused); a part over a limit is not
 * (the revision is kept and flagged).
 */
export function checkTitleThread(post: TitleThread, network: TargetNetwork): TitleThreadIssue[] {
  const issues: TitleThreadIssue[] = [];
  const titleLimit = titleLimitOf(network);
  if (post.title !== undefined && titleLimit === undefined)
    issues.push({ path: 'title', message: `${network.name} posts have no title.`, blocking: true });
  if (post.title !== undefined && titleLimit !== undefined) {
    const check = fitsLimit(post.title, titleLimit);
    if (!check.fits)
      issues.push({
        path: 'title',
        message: `The title is ${check.count} characters; ${network.name} allows ${check.limit}.`,
        blocking: false,
      });
  }
  const parts = post.thread ?? [];
  const room = maxExtraParts(network);
  if (parts.length > room) {
    const message =
      room === 0
        ? `${network.name} has no threads.`
        : `${network.name} allows ${network.thread.maxParts} parts in a thread, the post included.`;
    issues.push({ path: 'thread', message, blocking: true });
    return issues;
  }
  parts.forEach((part, index) => {
    const check = fitsLimit(part, textLimitOf(network));
    if (!check.fits)
      issues.push({
        path: `thread.${index}`,
        message: `Thread part ${index + 2} is ${check.count} of ${check.limit}.`,
        blocking: false,
      });
  });
  return issues;
}
