/**
 * Images API upload: register the image for its owner (`initializeUpload`), then PUT the bytes to the
 * returned upload URL. The image URN goes into the post's `content`.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
 */
import { z } from 'zod';
import { discardBody } from '@plume/http/response-body';
import type { NetworkContext, PublishMedia, TokenSet } from '../../contract.ts';
import { beforeCreate, linkedinRequest, readJson, restHeaders, restUrl } from '../client.ts';

const initializeSchema = z.looseObject({
  value: z.looseObject({ uploadUrl: z.url(), image: z.string().startsWith('urn:li:image:') }),
});

/** Uploads one image or GIF owned by `owner` (person or organization URN); returns its `urn:li:image:…`. */
export async function uploadImage(
  context: NetworkContext,
  tokens: TokenSet,
  owner: string,
  media: PublishMedia,
): Promise<string> {
  return beforeCreate('upload an image', async () => {
    const what = 'register an image upload';
    const response = await linkedinRequest(
      context,
      restUrl(context, '/images?action=initializeUpload'),
      {
        method: 'POST',
        headers: restHeaders(tokens, { 'content-type': 'application/json' }),
        body: JSON.stringify({ initializeUploadRequest: { owner } }),
      },
      what,
    );
    const { value } = await readJson(response, initializeSchema, what, 'POST');
    const bytes = await media.read();
    const uploaded = await linkedinRequest(
      context,
      value.uploadUrl,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${tokens.accessToken}`, 'content-type': media.mimeType },
        body: new Uint8Array(bytes),
      },
      'upload an image',
    );
    await discardBody(uploaded);
    return value.image;
  });
}
