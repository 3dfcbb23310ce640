import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@plume/config/load-config';
import { keyFileName, loadKeyring } from '@plume/core/secrets/key-file';
import { createKeyring, generateKey, keyIdOf, parseKey, type Keyring } from '@plume/core/secrets/keyring';
import { putWorkspaceSecret, readWorkspaceSecret } from '@plume/core/secrets/workspace-secrets';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { createScratch, query, runPlume as plume } from '../test-support/plume-child.ts';

const scratch = createScratch();
afterAll(scratch.cleanup);

const plaintext = 'oauth-refresh-token ✓';
const workspaceId = 'ws-s';

function keyringFor(env: Record<string, string>): Promise<Keyring> {
  return loadKeyring(parseConfig(env));
}

async function putSecret(url: string, keyring: Keyring, name: string): Promise<void> {
  const db = createDatabase(url, { poolSize: 1 });
  try {
    await putWorkspaceSecret({ db, keyring }, { workspaceId, name, value: plaintext });
  } finally {
    await closeDatabase(db);
  }
}

/** A migrated database with one workspace and its secret `token`, written with the keyring `env` configures. */
async function databaseWithSecret(env: Record<string, string>): Promise<string> {
  const { url } = await scratch.database('migrated');
  await query(url, `INSERT INTO workspaces (id, name, slug) VALUES ($1, 'Secrets', 'secrets')`, [workspaceId]);
  await putSecret(url, await keyringFor(env), 'token');
  return url;
}

async function ciphertextOf(url: string, name = 'token'): Promise<string> {
  const [row] = await query<{ ciphertext: string }>(url, 'SELECT ciphertext FROM workspace_secrets WHERE name = $1', [
    name,
  ]);
  return row?.ciphertext ?? '';
}

/** What a freshly started Plume process with this environment reads back. */
async function decryptWith(env: Record<string, string>, url: string): Promise<string | null> {
  const keyring = await keyringFor(env);
  const db = createDatabase(url, { poolSize: 1 });
  try {
    return await readWorkspaceSecret({ db, keyring }, { workspaceId, name: 'token' });
  } finally {
    await closeDatabase(db);
  }
}

async function keyFileLines(dataDir: string): Promise<string[]> {
  return (await fs.readFile(path.join(dataDir, keyFileName), 'utf8')).trim().split('\n');
}

const keyIdIn = (ciphertext: string) => ciphertext.split(':')[1];

describe('plume secret rotate', () => {
  it('with a key file: writes a new key above the old one (mode 0600) and re-encrypts every secret', async () => {
    const dataDir = await scratch.tempDir('rotate-file');
    const env = { PLUME_DATA_DIR: dataDir };
    const url = await databaseWithSecret(env);
    const [oldKey = ''] = await keyFileLines(dataDir);
    const before = await ciphertextOf(url);
    expect(keyIdIn(before)).toBe(keyIdOf(parseKey(oldKey)));

    const result = await plume(['secret', 'rotate'], { ...env, DATABASE_URL: url });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Re-encrypted 1 secrets \(0 already current\)/);
    expect(result.stdout).not.toContain('PLUME_SECRET_KEY=');

    const lines = await keyFileLines(dataDir);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(lines[0]).not.toBe(oldKey);
    expect(lines[1]).toBe(oldKey);
    expect((await fs.stat(path.join(dataDir, keyFileName))).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(dataDir)).toEqual([keyFileName]);

    const after = await ciphertextOf(url);
    expect(keyIdIn(after)).not.toBe(keyIdIn(before));
    expect(keyIdIn(after)).toBe(keyIdOf(parseKey(lines[0] ?? '')));
    expect(result.stdout).toContain(`New key id ${keyIdIn(after)}`);
    expect(await decryptWith(env, url)).toBe(plaintext);
  });

  it('with PLUME_SECRET_KEY: re-encrypts and prints the new key to set, writing no key file', async () => {
    const dataDir = await scratch.tempDir('rotate-env');
    const oldKey = generateKey();
    const env = { PLUME_DATA_DIR: dataDir, PLUME_SECRET_KEY: oldKey };
    const url = await databaseWithSecret(env);

    const result = await plume(['secret', 'rotate'], { ...env, DATABASE_URL: url });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const newKey = /^Set PLUME_SECRET_KEY=([0-9a-f]{64})$/m.exec(result.stdout)?.[1] ?? '';
    expect(newKey).not.toBe('');
    expect(newKey).not.toBe(oldKey);
    expect(result.stdout).toContain(`PLUME_PREVIOUS_SECRET_KEYS=${oldKey}`);
    expect(await fs.readdir(dataDir)).toEqual([]);

    expect(keyIdIn(await ciphertextOf(url))).toBe(keyIdOf(parseKey(newKey)));
    expect(
      await decryptWith({ PLUME_DATA_DIR: dataDir, PLUME_SECRET_KEY: newKey, PLUME_PREVIOUS_SECRET_KEYS: oldKey }, url),
    ).toBe(plaintext);
    expect(await decryptWith({ PLUME_DATA_DIR: dataDir, PLUME_SECRET_KEY: newKey }, url)).toBe(plaintext);
  });

  it('keeps every key still in use when rotations fail, so a later rotation can finish', async () => {
    const dataDir = await scratch.tempDir('rotate-fail');
    const env = { PLUME_DATA_DIR: dataDir };
    const url = await databaseWithSecret(env);
    const [originalKey = ''] = await keyFileLines(dataDir);
    const before = await ciphertextOf(url);
    // A secret written with a key this instance never had: rotation cannot read it and rolls back.
    await putSecret(url, createKeyring(parseKey(generateKey())), 'orphan');

    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const failed = await plume(['secret', 'rotate'], { ...env, DATABASE_URL: url });
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(
        /^plume: A value in workspace_secrets\.ciphertext cannot be read: it was encrypted with the secret key [0-9a-f]{12}, which this Plume server does not have.*Nothing was re-encrypted/m,
      );
      expect(await ciphertextOf(url)).toBe(before);
      expect(await keyFileLines(dataDir)).toContain(originalKey);
      expect(await decryptWith(env, url)).toBe(plaintext);
    }

    await query(url, `DELETE FROM workspace_secrets WHERE name = 'orphan'`);
    const result = await plume(['secret', 'rotate'], { ...env, DATABASE_URL: url });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Re-encrypted 1 secrets/);
    const lines = await keyFileLines(dataDir);
    expect(lines).toHaveLength(2);
    expect(keyIdIn(await ciphertextOf(url))).toBe(keyIdOf(parseKey(lines[0] ?? '')));
    expect(await decryptWith(env, url)).toBe(plaintext);
  });
});
