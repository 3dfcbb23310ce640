import { describe, expect, it } from 'vitest';
// Test-only: the web app never imports core, but the help it shows must match what the server reads.
import { IMPORT_COLUMNS as SERVER_COLUMNS, parseImportCsv } from '@plume/core/posts/import-csv';
import { csvField, exampleCsv, IMPORT_COLUMNS } from './import-columns.ts';

describe('IMPORT_COLUMNS', () => {
  it('lists exactly the columns the server reads, text being the one required', () => {
    expect(IMPORT_COLUMNS.map((column) => column.name)).toEqual([...SERVER_COLUMNS]);
    expect(IMPORT_COLUMNS.filter((column) => column.required).map((column) => column.name)).toEqual(['text']);
  });
});

describe('csvField', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('exampleCsv', () => {
  const now = new Date('2031-01-30T22:00:00Z');

  it('has a header and two rows a few days ahead, on the workspace clock', () => {
    const lines = exampleCsv(['acc-1', 'acc-2'], now).trimEnd().split('\n');
    expect(lines[0]).toBe('text,accounts,scheduled_at,hashtags,submit');
    expect(lines[1]).toBe('New beans are in: a fruity Ethiopian roast.,acc-1|acc-2,2031-02-02 09:00,coffee|roast,true');
    expect(lines[2]).toBe('"Tasting on Saturday, 10–12. Come by, say hi.",acc-1|acc-2,2031-02-03 12:30,#tasting,false');
  });

  it('is read by the server’s own parser without errors', () => {
    const rows = parseImportCsv(exampleCsv(['0b7c6f1e-7a53-4a8e-9d55-1f2a3b4c5d6e'], now), 'Europe/Paris');
    expect(rows.map((row) => row.errors)).toEqual([[], []]);
    expect(rows[1]?.post?.content.text).toBe('Tasting on Saturday, 10–12. Come by, say hi.');
  });
});
