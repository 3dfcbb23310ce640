import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PlumeConfig } from '@plume/config/load-config';
import { createKeyring, generateKey, keyIdOf, parseKey, type Keyring } from './keyring.ts';

export const keyFileName = 'secret.key';

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, keyFileName);
}

/**
 * The instance key comes from PLUME_SECRET_KEY or, when that is unset, from a key file generated on
 * first run (mode 0600) in the data directory. Previous keys (after a rotation) stay readable. With a
 * key file, a key id the keyring does not know is looked up in the file again: `plume secret rotate`
 * run while Plume is up adds the new key there, and the running Plume reads the re-encrypted rows.
 */
export async function loadKeyring(config: PlumeConfig): Promise<Keyring> {
  const previous = (config.PLUME_PREVIOUS_SECRET_KEYS ?? []).map(parseKey);
  if (config.PLUME_SECRET_KEY) return createKeyring(parseKey(config.PLUME_SECRET_KEY), previous);

  const file = keyFilePath(config.dataDir);
  const findKey = (keyId: string) =>
    readKeyFileLinesSync(file)
      .map(parseKey)
      .find((key) => keyIdOf(key) === keyId);
  const stored = await readKeyFile(file);
  if (stored) return createKeyring(stored.current, [...stored.previous, ...previous], findKey);

  await fs.mkdir(config.dataDir, { recursive: true });
  const key = generateKey();
  try {
    await fs.writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const raced = await readKeyFile(file);
    if (raced) return createKeyring(raced.current, [...raced.previous, ...previous], findKey);
  }
  return createKeyring(parseKey(key), previous, findKey);
}

/** The ids of every key this configuration gives Plume, without creating a key file (restore checks them). */
export async function configuredKeyIds(config: PlumeConfig): Promise<string[]> {
  const texts = config.PLUME_SECRET_KEY ? [config.PLUME_SECRET_KEY] : await readKeyFileLines(config.dataDir);
  return [...texts, ...(config.PLUME_PREVIOUS_SECRET_KEYS ?? [])].map((text) => keyIdOf(parseKey(text)));
}

function readKeyFileLinesSync(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** The key file holds the current key on its first line and older keys below it. */
async function readKeyFile(file: string): Promise<{ current: Buffer; previous: Buffer[] } | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const [first, ...rest] = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (!first) return null;
  return { current: parseKey(first), previous: rest.map(parseKey) };
}

/** Writes a new current key, keeping the old ones below it so nothing becomes unreadable mid-rotation. */
export async function writeKeyFile(dataDir: string, current: string, previous: string[]): Promise<void> {
  const file = keyFilePath(dataDir);
  const temp = `${file}.tmp`;
  await fs.writeFile(temp, [current, ...previous].join('\n') + '\n', { mode: 0o600 });
  await fs.rename(temp, file);
}

export async function readKeyFileLines(dataDir: string): Promise<string[]> {
  try {
    const text = await fs.readFile(keyFilePath(dataDir), 'utf8');
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  } catch {
    return [];
  }
}
