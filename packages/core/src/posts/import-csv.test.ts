import { describe, expect, it } from 'vitest';
import { AppError } from '@plume/errors/app-error';
import { columnPath, parseImportCsv } from './import-csv.ts';
import { parseScheduledAt } from './parse-scheduled-at.ts';

const ACCOUNT = '0b6e3c1e-5a3f-4c55-9a4e-3d2f6c1b7a10';
const OTHER = '7d3f2b9a-1c4e-4f6a-8b2d-9e0a1c3b5d7f';
const zone = 'Europe/Berlin';

function fileError(csv: string): AppError {
  try {
    parseImportCsv(csv, zone);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('parseImportCsv', () => {
  it('reads every column into a createPost input', () => {
    const csv = [
      'text,accounts,scheduled_at,title,link,hashtags,media,first_comment,submit',
      `Hello,${ACCOUNT}|${OTHER},2031-07-01 09:00,A title,https://example.com/a,#one two|three,,First!,true`,
    ].join('\n');
    const [row] = parseImportCsv(csv, zone);
    expect(row).toEqual({
      row: 1,
      line: 2,
      errors: [],
      post: {
        content: {
          text: 'Hello',
          title: 'A title',
          link: 'https://example.com/a',
          firstComment: 'First!',
          hashtags: ['#one', 'two', 'three'],
          mediaIds: [],
          thread: [],
        },
        targets: [
          { accountId: ACCOUNT, override: {}, settings: {} },
          { accountId: OTHER, override: {}, settings: {} },
        ],
        scheduledAt: '2031-07-01T07:00:00.000Z',
        submit: true,
      },
    });
  });

  it('keeps quoted commas, quotes and newlines in the text, and counts lines for the next row', () => {
    const csv = `text,accounts\n"Hello, ""world""\nsecond line",${ACCOUNT}\nNext,${ACCOUNT}\n`;
    const rows = parseImportCsv(csv, zone);
    expect(rows.map((row) => [row.row, row.line, row.post?.content.text])).toEqual([
      [1, 2, 'Hello, "world"\nsecond line'],
      [2, 4, 'Next'],
    ]);
  });

  it('accepts a byte-order mark, CRLF line ends and header names in any case', () => {
    const rows = parseImportCsv(`\uFEFFText,Accounts\r\nHi,${ACCOUNT}\r\n`, zone);
    expect(rows[0]?.post?.content.text).toBe('Hi');
    expect(rows[0]?.errors).toEqual([]);
  });

  it('refuses unknown columns, naming each', () => {
    const error = fileError('text,acounts,colour\nHi,x,y\n');
    expect(error.code).toBe('validation_failed');
    expect(error.errors?.[0]?.path).toBe('csv');
    expect(error.detail).toContain('"acounts", "colour"');
  });

  it('refuses a file without a text column, a repeated column, an empty file, and a header alone', () => {
    expect(fileError('accounts\nx\n').detail).toContain('"text" column');
    expect(fileError('text,text\na,b\n').detail).toContain('named twice');
    expect(fileError('').detail).toContain('empty');
    expect(fileError('text,accounts\n').detail).toContain('no posts');
    expect(fileError('text\n"unclosed\n').detail).toContain('not valid CSV');
  });

  it('caps the number of rows', () => {
    const csv = ['text', ...Array.from({ length: 1001 }, (_, index) => `Post ${index}`)].join('\n');
    const error = fileError(csv);
    expect(error.code).toBe('payload_too_large');
    expect(error.detail).toContain('1001');
    expect(parseImportCsv(csv.split('\n').slice(0, 1001).join('\n'), zone)).toHaveLength(1000);
  });

  it('reports each row with its own errors, skipping blank rows but keeping the numbering', () => {
    const csv = [
      'text,accounts,scheduled_at,submit',
      `Fine,${ACCOUNT},,false`,
      `,${ACCOUNT},,`,
      ',,,',
      `Bad account,${ACCOUNT}|not-an-id,,maybe`,
      `Gap,${ACCOUNT},2031-03-30 02:30,true`,
      'Too,many,fields,here,!',
    ].join('\n');
    const rows = parseImportCsv(csv, zone);
    expect(rows.map((row) => [row.row, row.errors.map((error) => error.path)])).toEqual([
      [1, []],
      [2, ['text']],
      [4, ['submit', 'accounts/1']],
      [5, ['scheduled_at']],
      [6, ['row']],
    ]);
    expect(rows[2]?.errors[1]?.message).toBe('No such account in this workspace.');
    expect(rows[3]?.errors[0]?.message).toContain('does not exist in Europe/Berlin');
  });
});

describe('parseScheduledAt', () => {
  it('reads instants with an offset and wall times in the zone', () => {
    expect(parseScheduledAt('2031-07-01T09:00:00+02:00', zone)).toEqual({ ok: true, iso: '2031-07-01T07:00:00.000Z' });
    expect(parseScheduledAt('2031-07-01T09:00Z', zone)).toEqual({ ok: true, iso: '2031-07-01T09:00:00.000Z' });
    expect(parseScheduledAt('2031-01-15 09:00', zone)).toEqual({ ok: true, iso: '2031-01-15T08:00:00.000Z' });
    expect(parseScheduledAt('2031-07-01 09:00', 'America/New_York')).toEqual({
      ok: true,
      iso: '2031-07-01T13:00:00.000Z',
    });
    expect(parseScheduledAt('  ', zone)).toEqual({ ok: true, iso: null });
  });

  it('refuses a wall time in the spring-forward gap and takes the first of a fall-back pair', () => {
    expect(parseScheduledAt('2031-03-30 02:30', zone)).toMatchObject({
      ok: false,
      message: expect.stringContaining('does not exist'),
    });
    expect(parseScheduledAt('2031-03-09 02:30', 'America/New_York')).toMatchObject({ ok: false });
    expect(parseScheduledAt('2031-10-26 02:30', zone)).toEqual({ ok: true, iso: '2031-10-26T00:30:00.000Z' });
    expect(parseScheduledAt('2031-11-02 01:30', 'America/New_York')).toEqual({
      ok: true,
      iso: '2031-11-02T05:30:00.000Z',
    });
    // The second occurrence is reachable with an explicit offset.
    expect(parseScheduledAt('2031-10-26T02:30:00+01:00', zone)).toEqual({ ok: true, iso: '2031-10-26T01:30:00.000Z' });
  });

  it('refuses times that are not real or not in a known form', () => {
    for (const value of [
      '2031-02-30 09:00',
      '2031-02-30T09:00:00Z',
      '2031-07-01 24:00',
      '2031-07-01T09:00:00',
      '01/07/2031 09:00',
      'tomorrow',
    ]) {
      expect(parseScheduledAt(value, zone), value).toMatchObject({ ok: false });
    }
  });
});

describe('columnPath', () => {
  it('names the CSV column a domain error belongs to', () => {
    expect(columnPath('targets.1.accountId')).toBe('accounts/1');
    expect(columnPath('targets.0.text')).toBe('text');
    expect(columnPath('targets.0.thread.2.text')).toBe('text');
    expect(columnPath('targets.0.mediaIds.3')).toBe('media/3');
    expect(columnPath('targets.0.firstComment')).toBe('first_comment');
    expect(columnPath('targets.0.settings.board')).toBe('accounts/0');
    expect(columnPath('targets')).toBe('accounts');
    expect(columnPath('content.mediaIds.0')).toBe('media/0');
    expect(columnPath('content.hashtags.2')).toBe('hashtags/2');
    expect(columnPath('scheduledAt')).toBe('scheduled_at');
  });
});
