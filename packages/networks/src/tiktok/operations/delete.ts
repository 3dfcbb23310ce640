/**
 * TikTok's Content Posting API has no endpoint to delete a post, so Plume cannot remove one; the
 * user deletes it in the TikTok app.
 */
import { Permanent } from '../../provider-errors.ts';

/** Always refuses, in plain words, without calling TikTok. */
export async function deleteFromTikTok(): Promise<never> {
  throw new Permanent('TikTok does not let apps delete posts. Delete it in the TikTok app instead.', {
    vendorCode: 'delete_not_supported',
  });
}
