/**
 * A file-system error in plain words, naming the path: the operator reads it in a terminal and must
 * know what is wrong without looking up `ENOTDIR` or `EROFS`.
 */
export function describeFileError(error: unknown, target: string, kind: 'file' | 'folder'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOTDIR':
      return `${target} cannot be used as a ${kind}: part of that path is a file, not a folder.`;
    case 'EROFS':
      return `${target} is on a read-only file system.`;
    case 'EACCES':
    case 'EPERM':
      return `Plume has no permission to use ${target}.`;
    case 'ENOSPC':
      return `The disk that holds ${target} is full.`;
    case 'EDQUOT':
      return `The disk quota for ${target} is used up.`;
    case 'EISDIR':
      return `${target} is a folder, not a file.`;
    case 'ENOENT':
      return kind === 'file' ? `${target} does not exist.` : `The folder ${target} cannot be created there.`;
    case 'EEXIST':
      return `${target} already exists.`;
    default:
      return `${target}: ${error instanceof Error ? error.message : String(error)}.`;
  }
}

/** True for errors that come from the file system (they carry an errno code such as ENOENT). */
export function isFileError(error: unknown): boolean {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string' &&
    typeof (error as NodeJS.ErrnoException).code === 'string'
  );
}
