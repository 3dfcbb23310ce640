/**
 * Stoplight Prism as a real peer: `prism mock <spec>` answers from a published OpenAPI document and
 * validates every request against it (422/400 with an `sl-violations` header when the request breaks
 * the contract, 401 when the security scheme is not met). It stores nothing and invents its answers.
 * Started as a child process with the Node that runs the tests (Node 24), one per test file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../free-port.ts';

const specsDir = fileURLToPath(new URL('../../../../../shared/specs/', import.meta.url));

/** Official X API v2 OpenAPI (v2.167). */
export const xApiSpecPath = path.join(specsDir, 'x-api-v2.openapi.json');
/** Mastodon API 4.7 OpenAPI 3.1 (abraham/mastodon-openapi); load it with `loadMastodonSpec`. */
export const mastodonSpecPath = path.join(specsDir, 'mastodon.openapi.json');

type Spec = Record<string, unknown>;

export interface PrismServer {
  url: string;
  port: number;
  /** Prism's output so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** Serve only these paths (and the components they use): Prism then starts faster. */
  paths?: readonly string[];
  /** `-d`: answers generated from the schemas instead of the examples. */
  dynamic?: boolean;
  /** Seed for generated answers (with `dynamic` or `Prefer: dynamic=true`), so runs repeat exactly. */
  seed?: string;
  readyTimeoutMs?: number;
  /**
   * `prism proxy`: forward every request to this server and check its answers against the document
   * (violations in the `sl-violations` header) instead of inventing answers.
   */
  proxyTo?: string;
}

/** Reads an OpenAPI document from disk. */
export async function loadSpec(specPath: string): Promise<Spec> {
  return JSON.parse(await readFile(specPath, 'utf8')) as Spec;
}

/** Starts `prism mock` (or `prism proxy`, see `proxyTo`) for `spec` (a file, or a document to write to a temporary file) on a free loopback port. */
export async function startPrism(spec: string | Spec, options: PrismOptions = {}): Promise<PrismServer> {
  const document =
    typeof spec === 'string' && options.paths === undefined
      ? undefined
      : typeof spec === 'string'
        ? await loadSpec(spec)
        : spec;
  const dir = document === undefined ? undefined : await mkdtemp(path.join(tmpdir(), 'plume-prism-'));
  let specFile = typeof spec === 'string' ? spec : '';
  if (document !== undefined && dir !== undefined) {
    specFile = path.join(dir, 'openapi.json');
    await writeFile(
      specFile,
      JSON.stringify(options.paths === undefined ? document : onlyPaths(document, options.paths)),
    );
  }
  const cleanup = async (): Promise<void> => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  };
  const port = await freePort();
  const mode = options.proxyTo === undefined ? ['mock', specFile] : ['proxy', specFile, options.proxyTo];
  const args = [
    prismBin(),
    ...mode,
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    ...(options.dynamic ? ['-d'] : []),
    ...(options.seed === undefined ? [] : ['--seed', options.seed]),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const stop = async (): Promise<void> => {
    await stopChild(child);
    await cleanup();
  };
  try {
    await waitForListening(child, () => output, options.readyTimeoutMs ?? 45_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, port, output: () => output, stop };
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
}

function waitForListening(child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`Prism did not start within ${timeoutMs} ms:\n${output().slice(-2000)}`)),
      timeoutMs,
    );
    const check = (): void => {
      if (output().includes('Prism is listening')) finish();
    };
    const onExit = (code: number | null): void =>
      finish(new Error(`Prism exited (${code}) before listening:\n${output().slice(-2000)}`));
    function finish(error?: Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
      if (error === undefined) resolve();
      else reject(error);
    }
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** A copy of `spec` with only `paths` and the components they reach (security schemes kept). */
export function onlyPaths(spec: Spec, paths: readonly string[]): Spec {
  const allPaths = spec['paths'] as Record<string, unknown>;
  const kept = Object.fromEntries(paths.map((key) => [key, allPaths[key]]).filter(([, value]) => value !== undefined));
  const components = (spec['components'] ?? {}) as Record<string, Record<string, unknown>>;
  const reached: Record<string, Record<string, unknown>> = { securitySchemes: components['securitySchemes'] ?? {} };
  const pending = collectRefs(kept);
  const seen = new Set<string>();
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
    const target = section === undefined || name === undefined ? undefined : components[section]?.[name];
    if (section === undefined || name === undefined || target === undefined) continue;
    (reached[section] ??= {})[name] = target;
    pending.push(...collectRefs(target));
  }
  return { ...spec, paths: kept, components: reached };
}

function collectRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else collectRefs(value, found);
    }
  }
  return found;
}

/**
 * The Mastodon spec as Prism can load it:
 * - Prism 5 crashes on header parameters whose schema is `type: object` (Idempotency-Key): made strings.
 * - POST /api/v1/statuses is a `oneOf` of "status", "media_ids" and "poll" bodies without
 *   `additionalProperties: false`, so a status with text and media matches two branches and fails
 *   `oneOf`, although Mastodon accepts it: made `anyOf`.
 */
export async function loadMastodonSpec(): Promise<Spec> {
  const spec = await loadSpec(mastodonSpecPath);
  patchHeaderObjects(spec);
  const paths = spec['paths'] as Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: Spec }> } }>
  >;
  const schema = paths['/api/v1/statuses']?.['post']?.requestBody?.content?.['application/json']?.schema;
  if (schema?.['oneOf'] !== undefined) {
    schema['anyOf'] = schema['oneOf'];
    delete schema['oneOf'];
  }
  return spec;
}

function patchHeaderObjects(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) patchHeaderObjects(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const schema = record['schema'] as Record<string, unknown> | undefined;
  if (record['in'] === 'header' && schema?.['type'] === 'object') record['schema'] = { type: 'string' };
  for (const value of Object.values(record)) patchHeaderObjects(value);
}
