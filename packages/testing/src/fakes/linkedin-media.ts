/**
 * The LinkedIn fake's upload flows: Images API (initializeUpload, then PUT of the bytes) and Videos
 * API (initializeUpload with parts of 4 MB, PUT of each part answering an ETag, finalizeUpload, status).
 *
 * Follows:
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
 */
import type { FakeRoute } from './fake-network-server.ts';
import { linkedinError as error, type LinkedInFakeKit } from './linkedin-state.ts';

const PART_SIZE = 4 * 1024 * 1024;

/** The upload routes. */
export function linkedinMediaRoutes(kit: LinkedInFakeKit): FakeRoute[] {
  const { state, restCheck, authorized, unauthorized, mayActAs, nextId } = kit;
  return [
    {
      method: 'POST',
      path: '/rest/images',
      handler: (request) => {
        const failed = restCheck(request);
        if (failed) return failed;
        if (request.query.get('action') !== 'initializeUpload') return error(400, 'ILLEGAL_ARGUMENT', 'Unknown action');
        const owner = (request.body as { initializeUploadRequest?: { owner?: string } } | undefined)
          ?.initializeUploadRequest?.owner;
        if (!mayActAs(owner))
          return error(403, 'ACCESS_DENIED', 'Not enough permissions to upload for this owner', 100);
        const id = `C4E10AQ${nextId()}`;
        state.images.set(`urn:li:image:${id}`, { owner: owner as string });
        return {
          body: {
            value: {
              uploadUrlExpiresAt: Date.now() + 3_600_000,
              uploadUrl: `${kit.baseUrl()}/dms-uploads/image/${id}`,
              image: `urn:li:image:${id}`,
            },
          },
        };
      },
    },
    {
      method: 'PUT',
      path: '/dms-uploads/image/:id',
      handler: (request) => {
        if (!authorized(request)) return unauthorized();
        const image = state.images.get(`urn:li:image:${request.params['id'] ?? ''}`);
        if (!image) return error(404, 'NOT_FOUND', 'Upload URL not found');
        image.bytes = request.rawBody;
        image.contentType = request.headers['content-type'];
        return { status: 201 };
      },
    },
    {
      method: 'POST',
      path: '/rest/videos',
      handler: (request) => {
        const failed = restCheck(request);
        if (failed) return failed;
        const body = request.body as Record<string, Record<string, unknown>> | undefined;
        if (request.query.get('action') === 'initializeUpload') {
          const init = body?.['initializeUploadRequest'];
          if (!mayActAs(init?.['owner']))
            return error(
              403,
              'ACCESS_DENIED',
              'Accessing this video resource is forbidden. Please check your permissions for this resource',
              100,
            );
          const size = Number(init?.['fileSizeBytes']);
          if (!Number.isInteger(size) || size <= 0) return error(400, 'ILLEGAL_ARGUMENT', 'fileSizeBytes is required');
          const id = `C5F10AQ${nextId()}`;
          const parts = Math.ceil(size / PART_SIZE);
          state.videos.set(`urn:li:video:${id}`, {
            owner: init?.['owner'] as string,
            size,
            parts: [],
            status: 'WAITING_UPLOAD',
          });
          const uploadInstructions = Array.from({ length: parts }, (_, index) => ({
            uploadUrl: `${kit.baseUrl()}/dms-uploads/video/${id}/${index}`,
            firstByte: index * PART_SIZE,
            lastByte: Math.min(size, (index + 1) * PART_SIZE) - 1,
          }));
          return {
            body: {
              value: {
                uploadUrlsExpireAt: Date.now() + 3_600_000,
                video: `urn:li:video:${id}`,
                uploadInstructions,
                uploadToken: '',
              },
            },
          };
        }
        if (request.query.get('action') === 'finalizeUpload') {
          const finalize = body?.['finalizeUploadRequest'];
          const video = state.videos.get(String(finalize?.['video']));
          if (!video) return error(404, 'NOT_FOUND', 'Video not found');
          const partIds = finalize?.['uploadedPartIds'];
          const expected = video.parts.map((_, index) => `"etag-${index}"`);
          if (!Array.isArray(partIds) || JSON.stringify(partIds) !== JSON.stringify(expected)) {
            return error(400, 'ILLEGAL_ARGUMENT', 'uploadedPartIds do not match the uploaded parts');
          }
          video.finalizedWith = partIds as string[];
          video.status = 'AVAILABLE';
          return { status: 200 };
        }
        return error(400, 'ILLEGAL_ARGUMENT', 'Unknown action');
      },
    },
    {
      method: 'PUT',
      path: '/dms-uploads/video/:id/:part',
      handler: (request) => {
        const video = state.videos.get(`urn:li:video:${request.params['id'] ?? ''}`);
        if (!video) return error(404, 'NOT_FOUND', 'Upload URL not found');
        const index = Number(request.params['part']);
        video.parts[index] = request.rawBody;
        return { status: 200, headers: { etag: `"etag-${index}"` } };
      },
    },
    {
      method: 'GET',
      path: '/rest/videos/:urn',
      handler: (request) => {
        const failed = restCheck(request);
        if (failed) return failed;
        const urn = request.params['urn'] ?? '';
        const video = state.videos.get(urn);
        if (!video) return error(404, 'NOT_FOUND', 'Video not found');
        return { body: { id: urn, owner: video.owner, status: video.status } };
      },
    },
  ];
}
