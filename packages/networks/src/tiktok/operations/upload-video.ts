/**
 * FILE_UPLOAD transfer (developers.tiktok.com/doc/content-posting-api-media-transfer-guide): the init
 * call declares video_size, chunk_size and total_chunk_count; then each chunk is PUT to upload_url in
 * order with `Content-Range: bytes first-last/total`. TikTok answers 206 until the last chunk, then 201.
 */
import type { NetworkContext } from '../../contract.ts';
import { callNoContent } from '../../shared/network-call.ts';
import { beforePostExists } from '../client.ts';
import { tiktokFailureMapping } from '../errors.ts';

/** Chunk rules: 5–64 MB chunks (the last may be up to 128 MB), 1–1000 chunks, whole file below 5 MB. */
export interface ChunkRules {
  /** Files up to this size go in one chunk (TikTok: up to 64 MB, and always below 5 MB). */
  singleChunkMaxBytes: number;
  /** Chunk size for larger files; the remainder rides on the last chunk. */
  chunkBytes: number;
  maxChunks: number;
}

/** Plume's choice within TikTok's rules: one chunk up to 64 MB, else 10 MiB chunks. */
export const tiktokChunkRules: ChunkRules = {
  singleChunkMaxBytes: 64_000_000,
  chunkBytes: 10 * 1024 * 1024,
  maxChunks: 1000,
};

export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
  /** Inclusive byte ranges, in upload order. */
  ranges: readonly { first: number; last: number }[];
}

/**
 * Splits a video into TikTok chunks. total_chunk_count = floor(size / chunk_size); the trailing bytes
 * join the last chunk.
 * @example planChunks(150 * 2 ** 20).totalChunkCount // 15
 */
export function planChunks(videoSize: number, rules: ChunkRules = tiktokChunkRules): ChunkPlan {
  if (!Number.isInteger(videoSize) || videoSize <= 0) throw new RangeError('A video needs at least one byte.');
  if (videoSize <= rules.singleChunkMaxBytes) {
    return { videoSize, chunkSize: videoSize, totalChunkCount: 1, ranges: [{ first: 0, last: videoSize - 1 }] };
  }
  const chunkSize = Math.max(rules.chunkBytes, Math.ceil(videoSize / rules.maxChunks));
  const totalChunkCount = Math.floor(videoSize / chunkSize);
  const ranges = Array.from({ length: totalChunkCount }, (_, index) => ({
    first: index * chunkSize,
    last: index === totalChunkCount - 1 ? videoSize - 1 : (index + 1) * chunkSize - 1,
  }));
  return { videoSize, chunkSize, totalChunkCount, ranges };
}

/**
 * PUTs every chunk. Failures before the last chunk are Retryable (TikTok has nothing to publish);
 * a typed failure of the last chunk is too (TikTok refused it). A dropped connection on the last chunk
 * propagates: TikTok may have received it and started publishing.
 */
export async function uploadChunks(
  context: NetworkContext,
  input: { uploadUrl: string; bytes: Uint8Array; mimeType: string; plan: ChunkPlan },
): Promise<void> {
  const { plan } = input;
  for (const [index, range] of plan.ranges.entries()) {
    const isLast = index === plan.ranges.length - 1;
    const put = () =>
      callNoContent(
        context.http,
        input.uploadUrl,
        {
          method: 'PUT',
          headers: {
            'content-type': input.mimeType,
            'content-range': `bytes ${range.first}-${range.last}/${plan.videoSize}`,
          },
          body: input.bytes.slice(range.first, range.last + 1),
        },
        { ...tiktokFailureMapping, what: `upload part ${index + 1} of ${plan.totalChunkCount} of the video to TikTok` },
      );
    if (isLast) await put();
    else await beforePostExists('upload the video to TikTok', put);
  }
}
