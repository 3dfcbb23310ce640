/**
 * Instagram does not let apps using Instagram Login delete published posts (the IG Media reference
 * offers no delete for them), so this refuses plainly instead of calling the API.
 */
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';

/** Always refuses: the user deletes Instagram posts in the app. */
export async function deleteInstagramPost(
  _context: NetworkContext,
  _account: AccountAuth,
  _remoteId: string,
): Promise<void> {
  throw new Permanent('Instagram does not allow apps to delete posts; delete it in the Instagram app.');
}
