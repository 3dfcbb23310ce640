/** One CSV column of the import, as docs/publishing.md ("CSV import") describes it. */
export interface ImportColumn {
  name: string;
  required: boolean;
  meaning: string;
}

// Mirrors IMPORT_COLUMNS in packages/core/src/posts/import-csv.ts; the server is the judge, this is the help.
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'text', required: true, meaning: 'The post’s text.' },
  { name: 'accounts', required: false, meaning: 'Account ids of this workspace, separated by | (one target each).' },
  {
    name: 'scheduled_at',
    required: false,
    meaning: 'YYYY-MM-DD HH:mm on the workspace clock, or an ISO 8601 time with an offset. Empty: no time.',
  },
  { name: 'title', required: false, meaning: 'Title, for networks that take one.' },
  { name: 'link', required: false, meaning: 'An http(s) URL.' },
  { name: 'hashtags', required: false, meaning: 'Tags separated by |, spaces or commas, with or without #.' },
  { name: 'media', required: false, meaning: 'Media ids (upload first), separated by |.' },
  { name: 'first_comment', required: false, meaning: 'The first comment, for networks that support one.' },
  {
    name: 'submit',
    required: false,
    meaning:
      'true or false (yes/no, 1/0; empty = false): send for review, or schedule at once when no approval is needed.',
  },
];

/** Quotes a CSV field when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `YYYY-MM-DD` of the day after `now`, read on the UTC calendar (the hour is what matters, not the day). */
function dayAfter(now: Date, days: number): string {
  const day = new Date(now.getTime() + days * 86_400_000);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

/**
 * A small example file: two posts a few days ahead at 09:00 and 12:30 on the workspace clock, sent to
 * `accountIds` when there are any (so it passes a check as it is), with the quoting a comma needs.
 * @example exampleCsv(['a1'], new Date('2031-01-01T00:00:00Z')).split('\n')[0] // 'text,accounts,scheduled_at,hashtags,submit'
 */
export function exampleCsv(accountIds: readonly string[], now: Date): string {
  const accounts = accountIds.join('|');
  const rows = [
    ['text', 'accounts', 'scheduled_at', 'hashtags', 'submit'],
    ['New beans are in: a fruity Ethiopian roast.', accounts, `${dayAfter(now, 3)} 09:00`, 'coffee|roast', 'true'],
    ['Tasting on Saturday, 10–12. Come by, say hi.', accounts, `${dayAfter(now, 4)} 12:30`, '#tasting', 'false'],
  ];
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}
