import { inspect } from 'node:util';
import { describeFileError, isFileError } from './describe-file-error.ts';

/**
 * What `plume` prints when a command fails: the message (file-system errors in plain words), and the
 * underlying cause on a second line when there is one.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = isFileError(error)
    ? describeFileError(error, (error as NodeJS.ErrnoException).path ?? 'a file', 'file')
    : error.message;
  if (!error.cause) return message;
  const cause = error.cause instanceof Error ? error.cause.message : inspect(error.cause);
  return message.includes(cause) ? message : `${message}\n  cause: ${cause}`;
}
