import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@plume/config/load-config';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { llmProviders } from '@plume/db/schema/llm';
import { workspaceSecrets } from '@plume/db/schema/platform';
import { socialAccounts } from '@plume/db/schema/social';
import { workspaces } from '@plume/db/schema/workspaces';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { configuredKeyIds, keyFileName, loadKeyring, writeKeyFile } from './key-file.ts';
import { createKeyring, generateKey, isSecretKeyMissing, parseKey } from './keyring.ts';
import { keysInUse, missingKeys } from './keys-in-use.ts';
import { ENCRYPTED_COLUMNS, rotateSecrets } from './rotate-secrets.ts';
import { putWorkspaceSecret, readWorkspaceSecret } from './workspace-secrets.ts';

function freshKey(): Buffer {
  return parseKey(generateKey());
}

/** Flips one bit of the byte at `index` of a base64 field, keeping the field valid base64. */
function flipByte(field: string, index: number): string {
  const bytes = Buffer.from(field, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

describe('keyring', () => {
  it('round-trips text, with a fresh nonce each time', () => {
    const keyring = createKeyring(freshKey());
    const plaintext = 'oauth-token ✓ with unicode';
    const first = keyring.encrypt(plaintext);
    const second = keyring.encrypt(plaintext);
    expect(first).not.toBe(second);
    expect(first).not.toContain(plaintext);
    expect(keyring.decrypt(first)).toBe(plaintext);
    expect(keyring.decrypt(second)).toBe(plaintext);
    expect(keyring.decrypt(keyring.encrypt(''))).toBe('');
  });

  it('detects tampering with the body, the tag or the nonce', () => {
    const keyring = createKeyring(freshKey());
    const [version, keyId, iv, tag, body] = keyring.encrypt('a secret worth protecting').split(':') as [
      string,
      string,
      string,
      string,
      string,
    ];
    const tampered = [
      [version, keyId, iv, tag, flipByte(body, 0)],
      [version, keyId, iv, flipByte(tag, 5), body],
      [version, keyId, flipByte(iv, 11), tag, body],
    ];
    for (const parts of tampered) expect(() => keyring.decrypt(parts.join(':'))).toThrow();
    expect(() => keyring.decrypt('not-a-ciphertext')).toThrow(/format/);
  });

  it('refuses ciphertext from a key it does not hold with a typed error naming the key', () => {
    const writer = createKeyring(freshKey());
    const written = writer.encrypt('x');
    const reader = createKeyring(freshKey());
    expect(reader.missingKeyOf(written)).toBe(writer.currentKeyId);
    expect(writer.missingKeyOf(written)).toBeNull();
    let thrown: unknown;
    try {
      reader.decrypt(written);
    } catch (error) {
      thrown = error;
    }
    expect(isSecretKeyMissing(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: 'secret_key_missing', status: 409 });
    expect((thrown as Error).message).toContain(
      `encrypted with the secret key ${writer.currentKeyId}, which this Plume server does not have`,
    );
  });

  it('derives stable, purpose-bound sub-keys', () => {
    const key = freshKey();
    expect(createKeyring(key).derive('auth')).toBe(createKeyring(key).derive('auth'));
    expect(createKeyring(key).derive('auth')).not.toBe(createKeyring(key).derive('other'));
  });
});

describe('workspace secrets and rotation', () => {
  let database: TestDatabase;
  let db: Database;
  const workspaceId = `ws_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDatabase(database.url, { poolSize: 2 });
    await db.insert(workspaces).values({ id: workspaceId, name: 'Secrets', slug: `secrets-${workspaceId}` });
  });
  afterAll(async () => {
    await closeDatabase(db);
    await database.drop();
  });

  it('re-encrypts every row with the new key; the old key alone can no longer read them', async () => {
    const keyA = freshKey();
    const keyB = freshKey();
    const ringA = createKeyring(keyA);
    const values = { 'bluesky.token': 'token-1', 'x.refresh': 'refresh-2', 'openai.key': 'sk-3' };
    for (const [name, value] of Object.entries(values))
      await putWorkspaceSecret({ db, keyring: ringA }, { workspaceId, name, value });
    // Writing a name again replaces it rather than adding a row.
    await putWorkspaceSecret({ db, keyring: ringA }, { workspaceId, name: 'openai.key', value: 'sk-3' });
    const before = await db.select().from(workspaceSecrets);
    expect(before).toHaveLength(3);
    for (const row of before) expect(row.ciphertext.split(':')[1]).toBe(ringA.currentKeyId);

    const rotating = createKeyring(keyB, [keyA]);
    expect(await rotateSecrets({ db, keyring: rotating })).toEqual({ reencrypted: 3, alreadyCurrent: 0 });
    const after = await db.select().from(workspaceSecrets);
    for (const row of after) expect(row.ciphertext.split(':')[1]).toBe(rotating.currentKeyId);

    const ringB = createKeyring(keyB);
    for (const [name, value] of Object.entries(values)) {
      expect(await readWorkspaceSecret({ db, keyring: ringB }, { workspaceId, name })).toBe(value);
      await expect(readWorkspaceSecret({ db, keyring: ringA }, { workspaceId, name })).rejects.toThrow();
    }
    expect(await rotateSecrets({ db, keyring: rotating })).toEqual({ reencrypted: 0, alreadyCurrent: 3 });
    expect(await readWorkspaceSecret({ db, keyring: ringB }, { workspaceId, name: 'missing' })).toBeNull();
  });

  it('rotates account tokens and model provider keys too, and knows every encrypted column of the schema', async () => {
    // The previous test's secrets are under a key this test does not hold.
    await db.delete(workspaceSecrets);
    const keyA = freshKey();
    const keyB = freshKey();
    const ringA = createKeyring(keyA);
    await db
      .insert(llmProviders)
      .values({ workspaceId, providerId: 'openai', kind: 'openai', apiKeyCiphertext: ringA.encrypt('sk-live') });
    await db
      .insert(llmProviders)
      .values({ workspaceId, providerId: 'lmstudio', kind: 'openai_compatible', baseUrl: 'http://10.0.0.5:1234/v1' });
    await db.insert(socialAccounts).values({
      workspaceId,
      network: 'bluesky',
      externalId: 'did:plc:x',
      handle: 'x.test',
      displayName: 'X',
      kind: 'profile',
      tokensCiphertext: ringA.encrypt('{"accessToken":"t"}'),
    });
    expect(await rotateSecrets({ db, keyring: createKeyring(keyB, [keyA]) })).toEqual({
      reencrypted: 2,
      alreadyCurrent: 0,
    });
    const ringB = createKeyring(keyB);
    const [provider] = await db.select().from(llmProviders).where(eq(llmProviders.providerId, 'openai'));
    expect(ringB.decrypt(provider?.apiKeyCiphertext ?? '')).toBe('sk-live');
    const [account] = await db.select().from(socialAccounts).where(eq(socialAccounts.externalId, 'did:plc:x'));
    expect(ringB.decrypt(account?.tokensCiphertext ?? '')).toBe('{"accessToken":"t"}');

    const columns = await db.execute<{ table_name: string; column_name: string }>(sql`
      SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name LIKE '%ciphertext' ORDER BY 1, 2`);
    const listed = ENCRYPTED_COLUMNS.map((item) => `${item.table}.${item.column}`).sort();
    expect(columns.rows.map((row) => `${row.table_name}.${row.column_name}`)).toEqual(listed);

    // What a restore checks: every key the stored secrets name, across every encrypted column.
    const used = await keysInUse(db.$client);
    expect(used).toEqual([{ keyId: ringB.currentKeyId, values: 2 }]);
    expect(missingKeys(used, [ringB.currentKeyId])).toEqual([]);
    expect(missingKeys(used, [ringA.currentKeyId])).toEqual(used);
  });
});

describe('key file', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'plume-key-')), 'data');
  });
  afterAll(async () => fs.rm(path.dirname(dataDir), { recursive: true, force: true }));

  it('creates secret.key with mode 0600 on first use and reuses it afterwards', async () => {
    const config = parseConfig({ PLUME_DATA_DIR: dataDir });
    const first = await loadKeyring(config);
    const file = path.join(dataDir, keyFileName);
    const stat = await fs.stat(file);
    expect(stat.mode & 0o777).toBe(0o600);
    const stored = (await fs.readFile(file, 'utf8')).trim();
    expect(createKeyring(parseKey(stored)).currentKeyId).toBe(first.currentKeyId);

    const second = await loadKeyring(config);
    expect(second.currentKeyId).toBe(first.currentKeyId);
    expect(second.decrypt(first.encrypt('still readable'))).toBe('still readable');
    expect((await fs.readFile(file, 'utf8')).trim()).toBe(stored);
  });

  it('finds a key added to the file while running (a rotation by another process), and lists configured keys without creating any', async () => {
    const dir = path.join(path.dirname(dataDir), 'rotated');
    const config = parseConfig({ PLUME_DATA_DIR: dir });
    expect(await configuredKeyIds(config)).toEqual([]);
    await expect(fs.stat(path.join(dir, keyFileName))).rejects.toThrow();
    const running = await loadKeyring(config);
    const next = generateKey();
    const rotated = createKeyring(parseKey(next));
    const [oldKey = ''] = (await fs.readFile(path.join(dir, keyFileName), 'utf8')).trim().split('\n');
    await writeKeyFile(dir, next, [oldKey]);
    expect(running.decrypt(rotated.encrypt('re-encrypted'))).toBe('re-encrypted');
    expect(running.currentKeyId).not.toBe(rotated.currentKeyId);
    expect(await configuredKeyIds(config)).toEqual([rotated.currentKeyId, running.currentKeyId]);
    expect(await configuredKeyIds(parseConfig({ PLUME_DATA_DIR: dir, PLUME_SECRET_KEY: next }))).toEqual([
      rotated.currentKeyId,
    ]);
  });

  it('prefers PLUME_SECRET_KEY and writes no file then', async () => {
    const dir = path.join(path.dirname(dataDir), 'env-key');
    const key = generateKey();
    const keyring = await loadKeyring(parseConfig({ PLUME_DATA_DIR: dir, PLUME_SECRET_KEY: key }));
    expect(keyring.currentKeyId).toBe(createKeyring(parseKey(key)).currentKeyId);
    await expect(fs.stat(path.join(dir, keyFileName))).rejects.toThrow();
  });
});
