/**
 * Threads rules the manifest cannot express: the 500-character limit counts each emoji as its
 * UTF-8 size, a carousel holds 2 to 20 items, and a post needs text or media.
 */
import type { PublishRequest } from '../contract.ts';
import { countThreadsText, THREADS_TEXT_LIMIT } from './count-threads-text.ts';

/** Plain-words problems with a request, one per offending part. */
export function validateForThreads(request: PublishRequest): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const texts = request.parts.map((part, index) => ({ path: `parts.${index}.text`, text: part.text }));
  if (request.firstComment !== undefined) texts.push({ path: 'firstComment', text: request.firstComment });
  for (const { path, text } of texts) {
    const length = countThreadsText(text);
    if (length > THREADS_TEXT_LIMIT) {
      problems.push({
        path,
        message: `Threads allows ${THREADS_TEXT_LIMIT} characters, where an emoji counts as several; this text counts ${length}.`,
      });
    }
  }
  request.parts.forEach((part, index) => {
    if (part.media.length > 20)
      problems.push({
        path: `parts.${index}.media`,
        message: 'A Threads carousel holds at most 20 images and videos.',
      });
    if (part.text.trim() === '' && part.media.length === 0)
      problems.push({ path: `parts.${index}.text`, message: 'A Threads post needs text or media.' });
  });
  return problems;
}
