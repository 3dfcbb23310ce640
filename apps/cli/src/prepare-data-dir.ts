import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PlumeConfig } from '@plume/config/load-config';
import { describeFileError } from './describe-file-error.ts';

/**
 * Creates the data directory if needed and checks Plume may write there, before anything else uses it,
 * so a bad PLUME_DATA_DIR fails at once with what to do. Folders are made one level at a time: Node's
 * `mkdir({ recursive: true })` never returns for a path under /proc (it retries forever).
 */
export async function prepareDataDir(config: PlumeConfig): Promise<void> {
  const directory = config.dataDir;
  try {
    await makeDirectories(directory);
    await fs.access(directory, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new Error(
      `${describeFileError(error, directory, 'folder')} Set PLUME_DATA_DIR to a folder Plume can write to.`,
      { cause: error },
    );
  }
}

async function makeDirectories(directory: string): Promise<void> {
  const missing: string[] = [];
  let current = directory;
  for (;;) {
    try {
      const stat = await fs.stat(current);
      if (!stat.isDirectory()) throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.unshift(current);
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  for (const folder of missing) await fs.mkdir(folder);
}
