import { parse } from 'csv-parse/sync';
import type { HistoryPost } from './history-post.ts';
import { parseFiveThirtyEightRow, FIVETHIRTYEIGHT_COLUMNS } from './fivethirtyeight-row.ts';
import { parseGenericRow, GENERIC_COLUMNS } from './generic-row.ts';

export type HistoryFormat = 'fivethirtyeight' | 'generic';

/** A row that could not be read: `line` is the file's line number (the header is line 1). */
export type HistoryRowError = { line: number; message: string };

export type HistoryCsv = { format: HistoryFormat; posts: HistoryPost[]; errors: HistoryRowError[] };

/** The whole file is unusable (not CSV, no known header): the message says what was expected. */
export class HistoryCsvError extends Error {
  override name = 'HistoryCsvError';
}

export type ReadHistoryOptions = {
  /** Zone of FiveThirtyEight's `created_at` wall times (the export has no offset). Default UTC. */
  sourceZone?: string;
};

/**
 * Text of a CSV file: UTF-8 when the bytes are valid UTF-8, else Latin-1 (FiveThirtyEight's exports
 * are not valid UTF-8; read as Latin-1 every byte is one character and nothing is lost).
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

function detectFormat(header: readonly string[]): HistoryFormat {
  if (FIVETHIRTYEIGHT_COLUMNS.every((column) => header.includes(column))) return 'fivethirtyeight';
  if (GENERIC_COLUMNS.every((column) => header.includes(column))) return 'generic';
  throw new HistoryCsvError(
    `The header has neither FiveThirtyEight's columns (${FIVETHIRTYEIGHT_COLUMNS.join(', ')}) ` +
      `nor the generic format's (${GENERIC_COLUMNS.join(', ')}); it has: ${header.join(', ') || 'nothing'}.`,
  );
}

/**
 * Reads an account's past posts from a CSV in FiveThirtyEight's tweet export format or the generic
 * format (docs/analytics.md "Importing past performance"). Bad rows are listed with their line
 * number and left out; the posts come back oldest first.
 * @example const { posts, errors } = readHistoryCsv(readFileSync(file));
 */
export function readHistoryCsv(content: string | Uint8Array, options: ReadHistoryOptions = {}): HistoryCsv {
  const text = typeof content === 'string' ? content : decodeCsvBytes(content);
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let header: string[] = [];
  try {
    records = parse<{ record: Record<string, string>; info: { lines: number } }>(text, {
      columns: (names: string[]) => (header = names.map((name) => name.trim().toLowerCase())),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    throw new HistoryCsvError(
      `The file is not a readable CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (header.length === 0) throw new HistoryCsvError('The file is empty: it needs a header line and one post a line.');
  const format = detectFormat(header);
  const posts: HistoryPost[] = [];
  const errors: HistoryRowError[] = [];
  for (const { record, info } of records) {
    const result =
      format === 'fivethirtyeight'
        ? parseFiveThirtyEightRow(record, options.sourceZone ?? 'UTC')
        : parseGenericRow(record);
    if (typeof result === 'string') errors.push({ line: info.lines, message: result });
    else posts.push(result);
  }
  posts.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  return { format, posts, errors };
}
