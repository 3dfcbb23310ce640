/**
 * Builds packages/insights/src/priors/public-priors.ts from the open datasets in ../shared/datasets:
 * - Klout when-to-post samples (CC BY 3.0, github.com/klout/opendata `when_to_post/sample/`; paper
 *   "When-To-Post on Social Networks", KDD 2015): per post, reactions within 24 h by the posting hour
 *   in the author's zone, and the share of the 24 h reactions reached at each snapshot offset;
 * - FiveThirtyEight twitter-ratio tweets (CC BY 4.0, github.com/fivethirtyeight/data `twitter-ratio/`):
 *   per post, log engagement compared with the account's recent level, by hour in America/New_York
 *   (the export's times are read as UTC), from the first 80 % of the tweets only (the evaluation's
 *   training part: the prior must not carry the test part's results).
 * Run: `npx tsx packages/insights/scripts/build-prior.ts [path/to/shared/datasets]`, then prettier.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SNAPSHOT_OFFSETS_MIN } from '@plume/contract/analytics/metrics';
import { learnBestTime } from '../src/best-time/learn-best-time.ts';
import { readHistoryCsv } from '../src/history/read-history-csv.ts';
import { zonedParts } from '../src/time/zoned-time.ts';

const datasets = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../../../shared/datasets'));
const output = path.join(import.meta.dirname, '../src/priors/public-priors.ts');
/** A source's hour means are pulled toward 0 by n / (n + this): the samples are small. */
const SHRINK_POSTS = 20;

const KLOUT_ZONES: Record<string, string> = {
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Atlantic Standard Time': 'America/Halifax',
  'Hawaii-Aleutian Standard Time': 'Pacific/Honolulu',
  'Fernando de Noronha Time': 'America/Noronha',
  'Brasília Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Argentina/Buenos_Aires',
  'Venezuela Time': 'America/Caracas',
  'Paraguay Time': 'America/Asuncion',
  'Greenwich Mean Time': 'Europe/London',
  'Western European Time': 'Europe/Lisbon',
  'Central European Time': 'Europe/Paris',
  'Eastern European Time': 'Europe/Athens',
  'India Standard Time': 'Asia/Kolkata',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'Thailand Standard Time': 'Asia/Bangkok',
  'Indonesia Western Time': 'Asia/Jakarta',
  'Singapore Time': 'Asia/Singapore',
  'Korea Standard Time': 'Asia/Seoul',
  'Japan Standard Time': 'Asia/Tokyo',
  'Australian Eastern Standard Time': 'Australia/Sydney',
  'Norfolk Time': 'Pacific/Norfolk',
  'Samoa Standard Time': 'Pacific/Pago_Pago',
};

type HourSums = { sum: number[]; count: number[] };
const emptySums = (): HourSums => ({ sum: new Array<number>(24).fill(0), count: new Array<number>(24).fill(0) });
const DAY_MS = 24 * 60 * 60 * 1000;

function readKlout(file: string): { hours: HourSums; share: number[]; posts: number } {
  const posts = new Map<string, { at: number; zone: string | undefined; reactions: number[] }>();
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [, , postId, postAt, actionAt, zoneName] = line.split('\t');
    if (!postId || !postAt || !actionAt) continue;
    const post = posts.get(postId) ?? { at: Number(postAt), zone: KLOUT_ZONES[zoneName ?? ''], reactions: [] };
    post.reactions.push(Number(actionAt) - Number(postAt));
    posts.set(postId, post);
  }
  const logs: { hour: number; log: number }[] = [];
  const offsets = SNAPSHOT_OFFSETS_MIN.filter((minutes) => minutes <= 1440);
  const shareSums = offsets.map(() => 0);
  let counted = 0;
  for (const post of posts.values()) {
    const within = post.reactions.filter((delay) => delay >= 0 && delay <= DAY_MS);
    if (within.length === 0) continue;
    counted += 1;
    offsets.forEach((minutes, i) => {
      shareSums[i] = (shareSums[i] ?? 0) + within.filter((delay) => delay <= minutes * 60_000).length / within.length;
    });
    if (post.zone) logs.push({ hour: zonedParts(new Date(post.at), post.zone).hour, log: Math.log1p(within.length) });
  }
  const overall = logs.reduce((total, entry) => total + entry.log, 0) / Math.max(1, logs.length);
  const hours = emptySums();
  for (const entry of logs) {
    hours.sum[entry.hour] = (hours.sum[entry.hour] ?? 0) + entry.log - overall;
    hours.count[entry.hour] = (hours.count[entry.hour] ?? 0) + 1;
  }
  return { hours, share: shareSums.map((total) => total / Math.max(1, counted)), posts: counted };
}

function readFiveThirtyEight(file: string): HourSums {
  const { posts: all } = readHistoryCsv(readFileSync(file));
  // Only the first 80 % in time order: the rest is the test part of `plume insights evaluate`, which
  // must not see its own results through the prior.
  const posts = all.slice(0, Math.floor(all.length * 0.8));
  const flat = { source: 'none', hourLift: new Array<number>(24).fill(0) };
  const learned = learnBestTime(posts, { zone: 'America/New_York', network: 'x', prior: flat });
  const hours = emptySums();
  // With a flat prior the shrunk lift is ownWeight × own mean: undo the shrinkage to get the raw mean.
  for (const effect of learned.hours) {
    hours.count[effect.hour] = effect.posts;
    hours.sum[effect.hour] = effect.ownWeight > 0 ? (Math.log(effect.lift) / effect.ownWeight) * effect.posts : 0;
  }
  return hours;
}

function pooled(...sources: HourSums[]): { hourLift: number[]; posts: number[] } {
  const hourLift: number[] = [];
  const posts: number[] = [];
  for (let hour = 0; hour < 24; hour += 1) {
    const n = sources.reduce((total, source) => total + (source.count[hour] ?? 0), 0);
    const sum = sources.reduce((total, source) => total + (source.sum[hour] ?? 0), 0);
    hourLift.push(n === 0 ? 0 : Number(((sum / n) * (n / (n + SHRINK_POSTS))).toFixed(4)));
    posts.push(n);
  }
  return { hourLift, posts };
}

const twitter = readKlout(path.join(datasets, 'klout-when-to-post/user_timestamp_open_set_tw.tsv'));
const facebook = readKlout(path.join(datasets, 'klout-when-to-post/user_timestamp_open_set_fb.tsv'));
const obama = readFiveThirtyEight(path.join(datasets, 'fivethirtyeight-twitter-ratio/BarackObama.csv'));
const share = twitter.share.map((value, i) => {
  const fb = facebook.share[i] ?? value;
  return Number(((value * twitter.posts + fb * facebook.posts) / (twitter.posts + facebook.posts)).toFixed(4));
});
const table = {
  source:
    'Klout when-to-post samples (CC BY 3.0) and FiveThirtyEight twitter-ratio tweets (CC BY 4.0); built by packages/insights/scripts/build-prior.ts',
  networks: {
    x: pooled(twitter.hours, obama),
    facebook: pooled(facebook.hours),
    default: pooled(twitter.hours, facebook.hours, obama),
  },
  engagementShareByOffset: Object.fromEntries(
    SNAPSHOT_OFFSETS_MIN.filter((minutes) => minutes <= 1440).map((minutes, i) => [minutes, share[i] ?? 1]),
  ),
};
writeFileSync(
  output,
  `// Generated by packages/insights/scripts/build-prior.ts from ../shared/datasets (see the package README).
// Do not edit by hand: run the script again. hourLift is on the log(1 + engagements) scale, per local
// hour 0–23, already shrunk toward 0 by posts / (posts + ${SHRINK_POSTS}); engagementShareByOffset is the mean share
// of a post's first-24 h reactions reached at each snapshot offset (minutes), from the Klout samples.

export type PublicPriors = {
  source: string;
  networks: Record<string, { hourLift: readonly number[]; posts: readonly number[] }>;
  engagementShareByOffset: Readonly<Record<number, number>>;
};

export const PUBLIC_PRIORS: PublicPriors = ${JSON.stringify(table, null, 2)};
`,
);
console.log(`wrote ${output}: Klout ${twitter.posts} X + ${facebook.posts} Facebook posts, FiveThirtyEight x posts`);
