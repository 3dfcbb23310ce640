import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The full path of an executable `program` in one of `searchPath`'s folders (PATH), or undefined. */
export function findOnPath(program: string, searchPath: string | undefined): string | undefined {
  for (const folder of (searchPath ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(folder, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}
