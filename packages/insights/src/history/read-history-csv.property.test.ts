import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HistoryCsvError, readHistoryCsv } from './read-history-csv.ts';

const header = 'published_at,network,text,likes,reposts,replies';
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

describe('readHistoryCsv on random input', () => {
  it('either reads the file or refuses it with a HistoryCsvError, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.boolean(), (body, withHeader) => {
        try {
          const result = readHistoryCsv(withHeader ? `${header}\n${body}` : body);
          for (const error of result.errors) expect(error.line).toBeGreaterThanOrEqual(2);
        } catch (error) {
          expect(error).toBeInstanceOf(HistoryCsvError);
        }
      }),
    );
  });

  it('reads back every valid generic row exactly', () => {
    const row = fc.record({
      at: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }).map((ms) => new Date(ms - (ms % 1000))),
      text: fc.string({ maxLength: 80 }).map((text) => text.trim()),
      likes: fc.nat(),
      reposts: fc.nat(),
      replies: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        const csv = [
          header,
          ...rows.map((r) => `${r.at.toISOString()},x,${quote(r.text)},${r.likes},${r.reposts},${r.replies}`),
        ].join('\n');
        const { posts, errors } = readHistoryCsv(csv);
        expect(errors).toEqual([]);
        const expected = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime());
        expect(
          posts.map((post) => [post.publishedAt.getTime(), post.text, post.likes, post.reposts, post.replies]),
        ).toEqual(expected.map((r) => [r.at.getTime(), r.text, r.likes, r.reposts, r.replies]));
      }),
    );
  });
});
