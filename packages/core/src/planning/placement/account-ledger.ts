/**
 * What placement has given each account so far (posts already scheduled plus those it placed): the
 * times, and counts per local day and per week, so each rule is one lookup.
 */
import { localInstant } from './slot-calendar.ts';

type AccountBook = { times: number[]; perDay: Map<string, number>; perWeek: Map<string, number> };

export class AccountLedger {
  readonly zone: string;
  private readonly books = new Map<string, AccountBook>();

  constructor(zone: string) {
    this.zone = zone;
  }

  add(accountId: string, at: Date): void {
    const book = this.bookOf(accountId);
    const local = localInstant(this.zone, at);
    book.times.push(at.getTime());
    book.perDay.set(local.dayKey, (book.perDay.get(local.dayKey) ?? 0) + 1);
    book.perWeek.set(local.weekKey, (book.perWeek.get(local.weekKey) ?? 0) + 1);
  }

  onDay(accountId: string, dayKey: string): number {
    return this.books.get(accountId)?.perDay.get(dayKey) ?? 0;
  }

  inWeek(accountId: string, weekKey: string): number {
    return this.books.get(accountId)?.perWeek.get(weekKey) ?? 0;
  }

  /** True when no post of the account is closer than `gapMs` to `at`. */
  isClear(accountId: string, at: Date, gapMs: number): boolean {
    const times = this.books.get(accountId)?.times ?? [];
    return times.every((taken) => Math.abs(taken - at.getTime()) >= gapMs);
  }

  private bookOf(accountId: string): AccountBook {
    let book = this.books.get(accountId);
    if (book === undefined) {
      book = { times: [], perDay: new Map(), perWeek: new Map() };
      this.books.set(accountId, book);
    }
    return book;
  }
}
