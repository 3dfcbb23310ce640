// Builds the web app when its bundle is missing or older than its sources, so `npm start` on a fresh
// clone serves the UI without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'apps/web');
const builtIndex = path.join(web, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

// The web bundle also compiles the shared contract and the pure text helpers.
const sources = [web, path.join(root, 'packages/contract/src'), path.join(root, 'packages/networks/src/text')];
const newestSource = Math.max(...sources.filter((dir) => existsSync(dir)).map(newestMtime));
if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource) process.exit(0);
process.stdout.write('Building the web app (first start or sources changed)…\n');
const result = spawnSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
