/** What the X fake keeps for the inbox: other people and hidden replies. */
export interface XFakeInbox {
  /** Other X users by id (the same shape as `XFakeUser`). */
  people: Map<string, { id: string; username: string; name: string }>;
  hidden: Set<string>;
}

export function createXFakeInbox(): XFakeInbox {
  return { people: new Map(), hidden: new Set() };
}
