import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlume } from '../test-support/plume-child.ts';
import { runInsightsEvaluate } from './insights-evaluate.ts';

let folder: string;
let history: string;

/** A generic-format history: 120 posts, one every 9 h, engagement drifting up, media posts doing better. */
function genericCsv(): string {
  const lines = ['published_at,network,text,likes,reposts,replies,has_media'];
  for (let i = 0; i < 120; i += 1) {
    const media = i % 3 === 0;
    const likes = Math.round(Math.exp(2 + i / 40 + (media ? 0.7 : 0) + ((i * 37) % 10) / 20));
    const at = new Date(Date.UTC(2026, 0, 1) + i * 9 * 3_600_000).toISOString();
    lines.push(`${at},mastodon,"Post ${i}, with a comma",${likes},${Math.round(likes / 5)},${i % 4},${media}`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'plume-insights-'));
  history = path.join(folder, 'history.csv');
  await writeFile(history, genericCsv());
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('plume insights evaluate (in-process)', () => {
  it('prints the evaluation as JSON with every documented field', async () => {
    const result = await runInsightsEvaluate({ csv: history, json: true, zone: 'Europe/Paris' });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const evaluation = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(evaluation).sort()).toEqual(
      [
        'baseline_median_mae_log',
        'baseline_recent_mae_log',
        'best_hours',
        'best_hours_lift',
        'mae_log',
        'n_test',
        'n_train',
        'spearman',
        'zone',
      ].sort(),
    );
    expect([evaluation['n_train'], evaluation['n_test'], evaluation['zone']]).toEqual([96, 24, 'Europe/Paris']);
  });

  it('explains a missing option, an unknown zone, a missing file and a file in the wrong format', async () => {
    expect((await runInsightsEvaluate({})).stderr).toMatch(/needs the history file: --csv FILE/);
    expect((await runInsightsEvaluate({ csv: history, zone: 'Mars/Olympus' })).stderr).toMatch(
      /--zone Mars\/Olympus is not a time zone this system knows/,
    );
    const missing = await runInsightsEvaluate({ csv: path.join(folder, 'nope.csv') });
    expect(missing).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `plume: ${path.join(folder, 'nope.csv')} does not exist.\n`,
    });
    const wrong = path.join(folder, 'wrong.csv');
    await writeFile(wrong, 'date,message\n1,2\n');
    expect((await runInsightsEvaluate({ csv: wrong })).stderr).toMatch(
      /neither FiveThirtyEight's columns .* nor the generic format's/,
    );
  });

  it('lists bad rows by line and refuses a history too short to evaluate', async () => {
    const short = path.join(folder, 'short.csv');
    await writeFile(short, 'published_at,network,text,likes,reposts,replies\n2026-01-01T00:00:00Z,x,a,1,1,x\n');
    const result = await runInsightsEvaluate({ csv: short });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('line 2 left out: replies must be a whole number ≥ 0, got "x"');
    expect(result.stderr).toContain('has 0 readable posts; the evaluation needs at least 30');
  });
});

describe('plume insights evaluate (the real command)', () => {
  it('prints the table and exits 0', async () => {
    const result = await runPlume(['insights', 'evaluate', '--csv', history], {});
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^history\.csv \(generic format\): fitted on the first 80 % in time order/);
    expect(result.stdout).toMatch(/^ {2}spearman \(predicted vs actual\) +-?\d\.\d{3}$/m);
    expect(result.stdout).toMatch(/^ {2}best_hours \(UTC\) +\d\d:00, \d\d:00, \d\d:00$/m);
  });
});
