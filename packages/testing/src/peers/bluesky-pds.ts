/**
 * A real Bluesky PDS (`@atproto/pds`) with its own PLC directory (`@did-plc/server`, in-memory) on
 * loopback, for tests that must pass the network's real lexicon validation (graphemes and the
 * 3,000-byte limit, facets, blob refs, strong refs, delete). Without an AppView only `com.atproto.*`
 * calls work: login, uploadBlob, createRecord, getRecord, deleteRecord: enough to publish and read back.
 *
 * Needs better-sqlite3 built for the Node running the tests: `node scripts/build-native.mjs`.
 * Setup notes (../shared/design/testing.md "Real peers"): both servers would bind 0.0.0.0, so their
 * `listen` is patched to 127.0.0.1; AppView and moderation URLs point at a closed loopback port so
 * nothing resolves a public name; handles end in `.test`; invite codes are off.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { RequestListener } from 'node:http';
import { freePort } from '../free-port.ts';

export interface BlueskyPdsAccount {
  handle: string;
  did: string;
  email: string;
  /** The account password; createSession accepts it like an app password. */
  password: string;
}

export interface BlueskyPds {
  /** Base URL of the PDS, e.g. `http://127.0.0.1:41234` (use it as the Bluesky `service`). */
  url: string;
  plcUrl: string;
  account: BlueskyPdsAccount;
  /** Creates another account on the same PDS. */
  createAccount(name: string): Promise<BlueskyPdsAccount>;
  stop(): Promise<void>;
}

interface ListeningApp {
  listen: (...args: unknown[]) => http.Server;
}

// A port nothing listens on: the PDS never needs the AppView or the moderation service in these tests.
const CLOSED_LOOPBACK = 'http://127.0.0.1:9';

/** Makes an express app's `listen(port)` bind 127.0.0.1 only (the libraries pass just a port). */
function bindToLoopback(app: ListeningApp): void {
  const handler = app as unknown as RequestListener;
  app.listen = (...args: unknown[]) => {
    const server = http.createServer(handler);
    return server.listen(Number(args[0]), '127.0.0.1');
  };
}

/** A secp256k1 private key as hex, the form `plcRotationKeyK256PrivateKeyHex` takes. */
function secp256k1PrivateKeyHex(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const jwk = privateKey.export({ format: 'jwk' });
  if (jwk.d === undefined) throw new Error('secp256k1 key without a private part');
  return Buffer.from(jwk.d, 'base64url').toString('hex');
}

async function startPlc(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { PlcServer, Database } = await import('@did-plc/server');
  const port = await freePort();
  const plc = PlcServer.create({ db: Database.mock(), port });
  bindToLoopback(plc.app);
  await plc.start();
  return { url: `http://127.0.0.1:${port}`, stop: () => plc.destroy() };
}

/**
 * Starts PLC + PDS (~2 s) and creates one account.
 * @example
 * const pds = await startBlueskyPds();
 * await provider.credentials.connect(ctx, { identifier: pds.account.handle, password: pds.account.password, service: pds.url });
 * await pds.stop();
 */
export async function startBlueskyPds(options: { handle?: string } = {}): Promise<BlueskyPds> {
  const dataDirectory = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-pds-'));
  const plc = await startPlc();
  try {
    const pdsModule = await import('@atproto/pds');
    const port = await freePort();
    const env: Parameters<typeof pdsModule.envToCfg>[0] = {
      port,
      hostname: 'localhost',
      devMode: true,
      dataDirectory,
      blobstoreDiskLocation: path.join(dataDirectory, 'blobs'),
      didPlcUrl: plc.url,
      serviceHandleDomains: ['.test'],
      inviteRequired: false,
      bskyAppViewUrl: CLOSED_LOOPBACK,
      bskyAppViewDid: 'did:example:appview',
      modServiceUrl: CLOSED_LOOPBACK,
      modServiceDid: 'did:example:moderation',
      jwtSecret: randomBytes(16).toString('hex'),
      adminPassword: randomBytes(16).toString('hex'),
      plcRotationKeyK256PrivateKeyHex: secp256k1PrivateKeyHex(),
      disableSsrfProtection: true,
      crawlers: [],
      // Real hosts send the DID document with the session; the adapter reads the PDS endpoint from it.
      enableDidDocWithSession: true,
    };
    const cfg = pdsModule.envToCfg(env);
    // Account DID documents name this URL as the PDS endpoint; 127.0.0.1 rather than `localhost` (::1 first).
    const url = `http://127.0.0.1:${port}`;
    (cfg.service as { publicUrl: string }).publicUrl = url;
    const pds = await pdsModule.PDS.create(cfg, pdsModule.envToSecrets(env));
    bindToLoopback(pds.app);
    const listening = await pds.start();
    const address = listening.address();
    if (address === null || typeof address === 'string' || address.address !== '127.0.0.1')
      throw new Error('the PDS must listen on 127.0.0.1 only');

    const createAccount = async (name: string): Promise<BlueskyPdsAccount> => {
      const handle = name.endsWith('.test') ? name : `${name}.test`;
      const email = `${handle.split('.')[0] ?? 'user'}@example.test`;
      const password = randomBytes(12).toString('base64url');
      const response = await postJson(`${url}/xrpc/com.atproto.server.createAccount`, { handle, email, password });
      return { handle, did: String(response['did']), email, password };
    };
    const account = await createAccount(options.handle ?? 'alice.test');
    return {
      url,
      plcUrl: plc.url,
      account,
      createAccount,
      stop: async () => {
        await pds.destroy();
        await plc.stop();
        await fs.rm(dataDirectory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await plc.stop();
    await fs.rm(dataDirectory, { recursive: true, force: true });
    throw error;
  }
}

/** Loopback-only JSON POST for setting up the peer (node:http: test code outside @plume/http). */
async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((response.statusCode ?? 500) >= 300) reject(new Error(`PDS answered ${response.statusCode}: ${text}`));
          else resolve(JSON.parse(text) as Record<string, unknown>);
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
