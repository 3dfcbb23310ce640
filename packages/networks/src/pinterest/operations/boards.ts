/**
 * The boards a user can pin to: GET /v5/boards, paginated with `bookmark`
 * (developers.pinterest.com/docs/api/v5/boards-list). The composer fills its board select from it.
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { pinterestGet } from '../client.ts';

const pageSchema = z.looseObject({
  items: z.array(
    z.looseObject({
      id: z.string().min(1),
      name: z.string(),
      description: z.string().nullish(),
      privacy: z.string().optional(),
    }),
  ),
  bookmark: z.string().nullish(),
});

/** A board as the board select shows it. */
export interface PinterestBoard {
  id: string;
  name: string;
  description?: string;
  /** PUBLIC, PROTECTED or SECRET. */
  privacy?: string;
}

/** Safety stop: 40 pages of 250 boards. */
const MAX_PAGES = 40;

/**
 * Lists every board of the account, following `bookmark` until Pinterest sends none.
 * @example const boards = await listBoards(ctx, account); // [{ id: '5497…', name: 'Recipes', privacy: 'PUBLIC' }]
 */
export async function listBoards(
  context: NetworkContext,
  account: Pick<AccountAuth, 'tokens'>,
): Promise<PinterestBoard[]> {
  const boards: PinterestBoard[] = [];
  let bookmark: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ page_size: '250', ...(bookmark === undefined ? {} : { bookmark }) });
    const answer = await pinterestGet(
      context,
      account,
      `/boards?${query.toString()}`,
      pageSchema,
      'list the Pinterest boards',
    );
    for (const item of answer.items) {
      boards.push({
        id: item.id,
        name: item.name,
        ...(item.description === undefined || item.description === null || item.description.length === 0
          ? {}
          : { description: item.description }),
        ...(item.privacy === undefined ? {} : { privacy: item.privacy }),
      });
    }
    if (answer.bookmark === undefined || answer.bookmark === null || answer.bookmark.length === 0) break;
    bookmark = answer.bookmark;
  }
  return boards;
}
