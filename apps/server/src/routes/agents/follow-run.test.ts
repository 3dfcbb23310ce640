import { describe, expect, it } from 'vitest';
import type { RunView } from '@plume/core/agents/run-views';
import { followRun } from './follow-run.ts';

const view = (state: RunView['state'], doneSteps: number) => ({ id: 'run-1', state, doneSteps }) as unknown as RunView;

describe('followRun', () => {
  it('sends the run once per change and ends after it is over', async () => {
    const reads = [view('running', 0), view('running', 0), view('running', 1), view('succeeded', 2)];
    const written: string[] = [];
    const ended = new Promise<void>((resolve) => {
      followRun({
        first: view('queued', 0),
        read: () => Promise.resolve(reads.shift() ?? view('succeeded', 2)),
        write: (text) => written.push(text),
        end: resolve,
        everyMs: 1,
      });
    });
    await ended;
    const events = written.filter((text) => text.startsWith('id: run-1'));
    expect(events.map((text) => JSON.parse(/data: (.*)\n/.exec(text)?.[1] ?? '{}') as { state: string })).toEqual([
      { id: 'run-1', state: 'queued', doneSteps: 0 },
      { id: 'run-1', state: 'running', doneSteps: 0 },
      { id: 'run-1', state: 'running', doneSteps: 1 },
      { id: 'run-1', state: 'succeeded', doneSteps: 2 },
    ]);
    expect(written[0]).toBe('retry: 3000\n\n');
  });

  it('ends at once for a run that is already over, and when the database cannot be read', async () => {
    let ends = 0;
    followRun({
      first: view('failed', 1),
      read: () => Promise.reject(new Error('no')),
      write: () => undefined,
      end: () => (ends += 1),
    });
    expect(ends).toBe(1);
    await new Promise<void>((resolve) => {
      followRun({
        first: view('running', 0),
        read: () => Promise.reject(new Error('connection lost')),
        write: () => undefined,
        end: resolve,
        everyMs: 1,
      });
    });
  });
});
