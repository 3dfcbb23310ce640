import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@plume/config/load-config';
import { describeFailure } from './describe-failure.ts';
import { describeFileError } from './describe-file-error.ts';
import { prepareDataDir } from './prepare-data-dir.ts';

const errno = (code: string, syscall = 'open', file = '/x') =>
  Object.assign(new Error(`${code}: something, ${syscall} '${file}'`), { code, syscall, path: file });

describe('file errors in plain words', () => {
  it('says what is wrong with the path for the codes operators meet', () => {
    expect(describeFileError(errno('ENOTDIR'), '/srv/file/data', 'folder')).toBe(
      '/srv/file/data cannot be used as a folder: part of that path is a file, not a folder.',
    );
    expect(describeFileError(errno('EROFS'), '/mnt/ro/plume', 'folder')).toBe(
      '/mnt/ro/plume is on a read-only file system.',
    );
    expect(describeFileError(errno('EACCES'), '/root/x.bak', 'file')).toBe(
      'Plume has no permission to use /root/x.bak.',
    );
    expect(describeFileError(errno('ENOSPC'), '/data/x.bak', 'file')).toBe('The disk that holds /data/x.bak is full.');
    expect(describeFileError(errno('ENOENT'), '/tmp/none.bak', 'file')).toBe('/tmp/none.bak does not exist.');
    expect(describeFileError(errno('EIO'), '/tmp/x', 'file')).toBe("/tmp/x: EIO: something, open '/x'.");
  });

  it('prints a raw file-system error of any command that way, with its cause below', () => {
    expect(describeFailure(errno('EROFS', 'mkdir', '/mnt/ro/media'))).toBe(
      '/mnt/ro/media is on a read-only file system.',
    );
    expect(describeFailure(new Error('Plume stopped.', { cause: new Error('the reason') }))).toBe(
      'Plume stopped.\n  cause: the reason',
    );
    expect(describeFailure(new Error('Already says the reason.', { cause: new Error('the reason') }))).toBe(
      'Already says the reason.',
    );
  });

  it('refuses at once a data directory under a file, and one where no folder can be made', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-data-dir-'));
    try {
      const file = path.join(root, 'a-file');
      await fs.writeFile(file, '');
      await expect(prepareDataDir(parseConfig({ PLUME_DATA_DIR: path.join(file, 'data') }))).rejects.toThrow(
        `${path.join(file, 'data')} cannot be used as a folder: part of that path is a file, not a folder. Set PLUME_DATA_DIR to a folder Plume can write to.`,
      );
      // Node's recursive mkdir never returns here; Plume's answers at once.
      await expect(prepareDataDir(parseConfig({ PLUME_DATA_DIR: '/proc/plume-data' }))).rejects.toThrow(
        'The folder /proc/plume-data cannot be created there. Set PLUME_DATA_DIR',
      );
      await prepareDataDir(parseConfig({ PLUME_DATA_DIR: path.join(root, 'new', 'nested') }));
      expect((await fs.stat(path.join(root, 'new', 'nested'))).isDirectory()).toBe(true);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
