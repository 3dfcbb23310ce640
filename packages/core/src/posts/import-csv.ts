/**
 * Reads a CSV of posts into `createPost` inputs, one per row, with every problem a row has named by
 * its column (`scheduled_at`, `accounts/1`). Nothing here touches the database: the caller runs the
 * rows through the same code path as the API (see import-posts.ts).
 *
 * Columns are documented in docs/publishing.md ("Bulk scheduling from CSV").
 */
import { parse } from 'csv-parse/sync';
import { AppError, type FieldError } from '@plume/errors/app-error';
import { createPostSchema, type CreatePostInput } from '@plume/contract/posts/post-input';
import { parseScheduledAt } from './parse-scheduled-at.ts';

export const IMPORT_COLUMNS = [
  'text',
  'accounts',
  'scheduled_at',
  'title',
  'link',
  'hashtags',
  'media',
  'first_comment',
  'submit',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

/** A cap that keeps one import inside one reasonable transaction. */
export const MAX_IMPORT_ROWS = 1000;

export type ParsedRow = {
  /** 1 for the first record after the header: the spreadsheet row number minus one. */
  row: number;
  /** The line of the file the record starts on (quoted text may span lines). */
  line: number;
  post: CreatePostInput | null;
  errors: FieldError[];
};

type CsvRecord = { record: string[]; info: { lines: number; empty_lines: number } };

function readRecords(csv: string): CsvRecord[] {
  try {
    // csv-parse's types do not follow the `info` option; with it each entry is { record, info }.
    return parse(csv, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw AppError.validation('csv', `The file is not valid CSV: ${message}`);
  }
}

function readHeader(header: readonly string[]): Column[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const known = new Set<string>(IMPORT_COLUMNS);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw AppError.validation(
      'csv',
      `Unknown columns: ${unknown.map((name) => `"${name}"`).join(', ')}. Known columns: ${IMPORT_COLUMNS.join(', ')}.`,
    );
  }
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0)
    throw AppError.validation('csv', `Columns named twice: ${[...new Set(repeated)].join(', ')}.`);
  if (!names.includes('text')) throw AppError.validation('csv', 'The header needs a "text" column.');
  return names as Column[];
}

const splitList = (value: string, separator: RegExp) =>
  value
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

function readSubmit(value: string): boolean | null {
  const normalized = value.trim().toLowerCase();
  if (['', 'false', 'no', '0'].includes(normalized)) return false;
  if (['true', 'yes', '1'].includes(normalized)) return true;
  return null;
}

/** Turns a domain path (`targets.0.text`, `content.mediaIds.1`) into the CSV column it came from. */
export function columnPath(path: string): string {
  const parts = path.split('.');
  const [head, second, third, ...rest] = parts;
  const fieldColumn: Partial<Record<string, string>> = {
    text: 'text',
    thread: 'text',
    title: 'title',
    link: 'link',
    firstComment: 'first_comment',
    hashtags: 'hashtags',
    mediaIds: 'media',
  };
  if (head === 'scheduledAt') return 'scheduled_at';
  if (head === 'content' && second !== undefined)
    return [fieldColumn[second] ?? second, third, ...rest].filter((part) => part !== undefined).join('/');
  if (head === 'targets' && second !== undefined) {
    const column = third === undefined ? undefined : fieldColumn[third];
    if (column === undefined) return `accounts/${second}`;
    return column === 'media' && rest[0] !== undefined ? `media/${rest[0]}` : column;
  }
  if (head === 'targets') return 'accounts';
  return parts.join('/');
}

/** A malformed id reads like an unknown one (same words as for another workspace's id): the user copied the wrong thing. */
function readableIssue(path: readonly PropertyKey[], message: string): string {
  if (path[0] === 'targets' && path[2] === 'accountId') return 'No such account in this workspace.';
  if (path[0] === 'content' && path[1] === 'mediaIds') return 'No such media file in this workspace.';
  return message;
}

function rowToPost(
  cells: Partial<Record<Column, string>>,
  zone: string,
): { post: CreatePostInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = cells.text ?? '';
  if (text.trim().length === 0) errors.push({ path: 'text', message: 'Every row needs text.' });
  const scheduled = parseScheduledAt(cells.scheduled_at ?? '', zone);
  if (!scheduled.ok) errors.push({ path: 'scheduled_at', message: scheduled.message });
  const submit = readSubmit(cells.submit ?? '');
  if (submit === null) errors.push({ path: 'submit', message: 'Use true or false.' });
  const optional = (column: Column) => {
    const value = cells[column]?.trim() ?? '';
    return value.length === 0 ? undefined : value;
  };
  const title = optional('title');
  const link = optional('link');
  const firstComment = optional('first_comment');
  const candidate = {
    content: {
      text,
      ...(title === undefined ? {} : { title }),
      ...(link === undefined ? {} : { link }),
      ...(firstComment === undefined ? {} : { firstComment }),
      hashtags: splitList(cells.hashtags ?? '', /[|,\s]+/),
      mediaIds: splitList(cells.media ?? '', /\|/),
    },
    targets: splitList(cells.accounts ?? '', /\|/).map((accountId) => ({ accountId })),
    scheduledAt: scheduled.ok ? scheduled.iso : null,
    submit: submit ?? false,
  };
  const checked = createPostSchema.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues)
      errors.push({
        path: columnPath(issue.path.map(String).join('.')),
        message: readableIssue(issue.path, issue.message),
      });
  }
  return { post: errors.length === 0 && checked.success ? checked.data : null, errors };
}

/**
 * Parses the whole file. Problems with the file itself (not CSV, unknown or missing columns, too many
 * rows) throw; problems of a row are returned with that row, so every row gets its report.
 */
export function parseImportCsv(csv: string, zone: string): ParsedRow[] {
  const [header, ...records] = readRecords(csv);
  if (header === undefined)
    throw AppError.validation('csv', 'The file is empty; it needs a header row and at least one post.');
  const columns = readHeader(header.record);
  if (records.length > MAX_IMPORT_ROWS) {
    throw new AppError('payload_too_large', {
      detail: `An import takes at most ${MAX_IMPORT_ROWS} rows; this file has ${records.length}. Split it.`,
    });
  }
  const rows: ParsedRow[] = [];
  let previous = header.info;
  records.forEach((entry, index) => {
    const line = previous.lines + 1 + (entry.info.empty_lines - previous.empty_lines);
    previous = entry.info;
    // Spreadsheets export trailing blank rows as ",,,": not a post, and not an error.
    if (entry.record.every((cell) => cell.trim().length === 0)) return;
    const row = index + 1;
    if (entry.record.length !== columns.length) {
      rows.push({
        row,
        line,
        post: null,
        errors: [
          {
            path: 'row',
            message: `This row has ${entry.record.length} fields; the header has ${columns.length}. Quote text that holds commas.`,
          },
        ],
      });
      return;
    }
    const cells = Object.fromEntries(columns.map((column, position) => [column, entry.record[position] ?? '']));
    rows.push({ row, line, ...rowToPost(cells, zone) });
  });
  if (rows.length === 0) throw AppError.validation('csv', 'The file has a header but no posts.');
  return rows;
}
