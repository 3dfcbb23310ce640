import { Writable } from 'node:stream';
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { createGraphileLogger } from './graphile-logger.ts';

function capture(): { lines: Array<{ level: number; msg: string }>; logger: pino.Logger } {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, sink) };
}

it('keeps a succeeded job out of the info log, and failures and other info in it', () => {
  const { lines, logger } = capture();
  const graphile = createGraphileLogger(logger);
  graphile.info('Completed task 7 (collect_snapshots, 4.10ms) with success', { success: true });
  graphile.info('Worker connected and looking for jobs');
  graphile.error('Failed task 8 (publish_target, 20ms) with error boom', { failure: true, error: new Error('boom') });
  expect(lines.map((line) => line.msg)).toEqual([
    'Worker connected and looking for jobs',
    'Failed task 8 (publish_target, 20ms) with error boom',
  ]);
});
