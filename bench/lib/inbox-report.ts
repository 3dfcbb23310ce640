// Turns the inbox ingestion benchmark's figures into the terminal table and the docs/benchmarks.md section.
import type { InboxMix } from './inbox-fakes.ts';
import type { RawReplay } from './inbox-seed.ts';
import { markdownTable, textTable, type Machine } from './report.ts';

export type InboxFigures = {
  settings: {
    accounts: number;
    perAccount: number;
    mix: InboxMix;
    mastodonServers: number;
    answerDelayMs: number;
    workerConcurrency: number;
    killAt: number;
    perHost: number;
  };
  /** Items the fakes hold for the accounts: accounts × perAccount. */
  seeded: number;
  stored: number;
  /** (account, remote id) pairs stored more than once. */
  duplicates: number;
  lost: number;
  storedAtKill: number;
  killedAtMs: number;
  /** SIGKILL → the second worker's first heartbeat (process start, not reading). */
  restartMs: number;
  /** Jobs queued → no read_inbox job left, SIGKILL and restart included. */
  allMs: number;
  /** Both worker processes while reading (the second from its first heartbeat on). */
  workerCpuMs: number;
  postgresCpuMs: number;
  accountsWithErrors: number;
  baseline: RawReplay;
};

/** The time the workers spent reading: all of it minus the gap between the SIGKILL and the restart. */
const readingMs = (f: InboxFigures) => f.allMs - f.restartMs;
const whole = (value: number) => Math.round(value).toLocaleString('en-US');
const fixed = (value: number, digits: number) => value.toFixed(digits);

function rows(f: InboxFigures): string[][] {
  const perItem = (ms: number) => fixed(ms / Math.max(1, f.stored), 3);
  return [
    ['Measure', 'Value'],
    ['Items seeded / stored', `${whole(f.seeded)} / ${whole(f.stored)}`],
    ['Duplicates / lost', `${f.duplicates} / ${f.lost}`],
    ['Accounts left with a read error', String(f.accountsWithErrors)],
    ['SIGKILL of the worker', `at ${whole(f.storedAtKill)} stored items, ${fixed(f.killedAtMs / 1000, 1)} s in`],
    ['Ingestion time (kill and restart included)', `${fixed(f.allMs / 1000, 1)} s`],
    [
      'Reading time (without the restart gap)',
      `${fixed(readingMs(f) / 1000, 1)} s (restart gap ${fixed(f.restartMs / 1000, 1)} s)`,
    ],
    ['Items stored per second of reading', whole((f.stored / readingMs(f)) * 1000)],
    ['CPU per item: worker / PostgreSQL', `${perItem(f.workerCpuMs)} ms / ${perItem(f.postgresCpuMs)} ms`],
    [
      'Raw HTTP baseline (same GETs, plain fetch, no storing)',
      `${whole(f.baseline.requests)} GETs in ${fixed(f.baseline.ms / 1000, 1)} s (${f.baseline.failed} failed)`,
    ],
    ['Ratio Plume reading time / raw HTTP', `${fixed(readingMs(f) / f.baseline.ms, 1)}×`],
  ];
}

export function renderInboxReport(input: {
  figures: InboxFigures;
  machine: Machine;
  loadAfter: number[];
  date: Date;
}): { text: string; markdown: string } {
  const { figures: f, machine } = input;
  const s = f.settings;
  const table = rows(f);
  const loadAfter = input.loadAfter.map((value) => value.toFixed(2)).join(' / ');
  const sizes =
    `${whole(f.seeded)} new items across ${s.accounts} accounts (${s.mix.mastodon} Mastodon on ${s.mastodonServers} ` +
    `servers, ${s.mix.bluesky} Bluesky, ${s.mix.x} X), ${s.perAccount} per account; fakes answer after ` +
    `${s.answerDelayMs} ms; WORKER_CONCURRENCY=${s.workerConcurrency}; ${s.perHost} inbox calls per host at once.`;
  const markdown = [
    '## Inbox ingestion (`npm run bench:inbox-ingest`)',
    '',
    `Run ${input.date.toISOString()} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ` +
      `${machine.os}, Node ${machine.node}. Load average before ${machine.loadAverage}, after ${loadAfter} ` +
      '(the machine is shared: other builds and tests ran at the same time).',
    '',
    `Sizes: ${sizes}`,
    '',
    'A real `plume worker` process reads every account (`read_inbox` jobs, queued as `queue_inbox_reads` ' +
      `does) from the fakes and stores the items; once ${s.killAt * 100} % are stored it is SIGKILLed, its ` +
      'locked jobs are unlocked (what the publishing sweep does for a worker whose heartbeat stopped) and a ' +
      'second worker finishes. Lost = seeded minus stored rows; duplicates = (account, remote id) pairs stored ' +
      'twice. Every account on one fake reads that fake’s one feed (the fakes keep one inbox per server), so ' +
      'each account stores its own copy of it. The baseline sends every GET the fakes received during the run ' +
      'again with plain `fetch`, 2 at a time per host, and neither parses nor stores: the network’s share. ' +
      'CPU covers both workers and PostgreSQL (from /proc).',
    '',
    markdownTable(table),
  ].join('\n');
  return { text: `${sizes}\n\n${textTable(table)}\nload after: ${loadAfter}`, markdown };
}
