import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from '../../../lib/api.ts';
import type { ImportReport } from '@plume/contract/posts/import-schemas';
import { describeColumn, rejectedReport, summarizeReport } from './import-report.ts';

const rows = [
  { row: 1, line: 2, ok: true, errors: [] },
  { row: 2, line: 3, ok: false, errors: [{ path: 'scheduled_at', message: 'This time is in the past.' }] },
];

describe('rejectedReport', () => {
  it('reads the rows of a 422 import_rejected problem', () => {
    const body = {
      type: 'about:blank',
      title: 'Unprocessable',
      status: 422,
      code: 'import_rejected',
      detail: '1 of 2 rows have errors',
      errors: [],
      rows,
    };
    const error = toApiError(422, 'Unprocessable Entity', JSON.stringify(body));
    expect(rejectedReport(error)).toEqual({ dryRun: false, ok: false, rows, postIds: [] });
  });

  it('drops entries that are not rows', () => {
    const error = new ApiError({
      status: 422,
      code: 'import_rejected',
      detail: 'x',
      body: { rows: [rows[1], { row: 'two' }, null] },
    });
    expect(rejectedReport(error)?.rows).toEqual([rows[1]]);
  });

  it('is null for other failures: a bad file, too big, offline, or a rejection without rows', () => {
    expect(
      rejectedReport(
        toApiError(
          400,
          'Bad Request',
          JSON.stringify({
            code: 'validation_failed',
            detail: 'Invalid',
            errors: [{ path: 'body/csv', message: 'Unknown columns' }],
          }),
        ),
      ),
    ).toBeNull();
    expect(
      rejectedReport(
        toApiError(413, 'Payload Too Large', JSON.stringify({ code: 'payload_too_large', detail: 'Too large' })),
      ),
    ).toBeNull();
    expect(rejectedReport(new ApiError({ status: 0, code: 'network_error', detail: 'offline' }))).toBeNull();
    expect(rejectedReport(new ApiError({ status: 422, code: 'import_rejected', detail: 'x', body: {} }))).toBeNull();
    expect(rejectedReport(new Error('boom'))).toBeNull();
  });
});

describe('summarizeReport', () => {
  it('counts good and bad rows', () => {
    const report: ImportReport = { dryRun: true, ok: false, rows, postIds: [] };
    expect(summarizeReport(report)).toEqual({ good: 1, bad: 1 });
    expect(summarizeReport({ ...report, rows: [] })).toEqual({ good: 0, bad: 0 });
  });
});

describe('describeColumn', () => {
  it('names columns, list items and whole-row problems for people', () => {
    expect(describeColumn('scheduled_at')).toBe('scheduled_at');
    expect(describeColumn('accounts/1')).toBe('accounts (item 2)');
    expect(describeColumn('media/0')).toBe('media (item 1)');
    expect(describeColumn('row')).toBe('whole row');
    expect(describeColumn('targets/0/text')).toBe('targets › 0 › text');
  });
});
