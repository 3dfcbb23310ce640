import { describe, expect, it } from 'vitest';
import { checkTitleThread, fitTitleThread } from './fit-title-thread.ts';
import { testNetworks } from './test-networks.ts';

describe('fitTitleThread', () => {
  it('trims a long YouTube title at a word boundary and drops thread parts YouTube cannot hold', () => {
    const title = `How to brew cold brew at home ${'slowly and patiently '.repeat(6)}tonight`;
    const fitted = fitTitleThread({ title, thread: ['Part two'] }, testNetworks.youtube, 'en');
    expect(fitted.title!.length).toBeLessThanOrEqual(100);
    expect(title.startsWith(fitted.title!.replace(/…$/, ''))).toBe(true);
    expect(fitted.title!.replace(/…$/, '').endsWith(' ')).toBe(false);
    expect(fitted.thread).toEqual([]);
    expect(fitted.warnings).toHaveLength(2);
  });

  it('fits each X thread part to 280 and drops a title X has no place for', () => {
    const long = `Cold water works slowly. ${'It pulls the sweet notes out and leaves the sharp ones. '.repeat(8)}`;
    const fitted = fitTitleThread({ title: 'Cold brew', thread: ['Short part.', long] }, testNetworks.x, 'en');
    expect(fitted.title).toBeUndefined();
    expect(fitted.thread[0]).toBe('Short part.');
    expect(fitted.thread[1]!.length).toBeLessThanOrEqual(280);
    expect(fitted.warnings).toEqual([expect.stringContaining('no title')]);
  });

  it('warns when a required title is missing', () => {
    expect(fitTitleThread({}, testNetworks.youtube).warnings).toEqual([expect.stringContaining('needs a title')]);
  });
});

describe('checkTitleThread', () => {
  it('flags over-limit parts without changing them, and blocks what the network has no place for', () => {
    expect(checkTitleThread({ thread: ['x'.repeat(300)] }, testNetworks.x)).toEqual([
      { path: 'thread.0', message: expect.stringContaining('300 of 280'), blocking: false },
    ]);
    expect(checkTitleThread({ title: 'A title' }, testNetworks.x)).toEqual([
      expect.objectContaining({ path: 'title', blocking: true }),
    ]);
    expect(checkTitleThread({ thread: ['two'] }, testNetworks.linkedin)).toEqual([
      expect.objectContaining({ path: 'thread', blocking: true }),
    ]);
  });
});
