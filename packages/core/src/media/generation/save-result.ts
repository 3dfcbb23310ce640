/**
 * One generated file into the vault: source `ai`, `pending` until a person approves it, flagged
 * `aiGenerated` (the networks' AI labels), with its character and its provenance: provider, model,
 * prompt, settings, seed, cost and the ledger row of the call.
 */
import type { MediaProvenance } from '@plume/db/schema/media';
import type { Database } from '@plume/db/client';
import type { MediaCallFacts } from '@plume/media/gateway/media-gateway-types';
import type { MediaStore } from '../media-store.ts';
import { saveMedia } from '../save-media.ts';
import type { GenerationRow } from './generation-views.ts';
import { recordResult } from './generation-store.ts';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/ogg': 'ogg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};

export async function saveGeneratedFile(
  deps: { db: Database; media: MediaStore },
  row: GenerationRow,
  file: {
    bytes: Uint8Array;
    mimeType: string;
    index: number;
    facts: MediaCallFacts;
    provenance: Omit<MediaProvenance, 'provider' | 'model' | 'usageId' | 'costMicros' | 'generationId'>;
  },
): Promise<string> {
  const extension = EXTENSIONS[file.mimeType] ?? 'bin';
  const saved = await saveMedia(deps, {
    workspaceId: row.workspaceId,
    userId: row.createdBy,
    fileName: `${row.kind}-${row.id.slice(0, 8)}-${file.index + 1}.${extension}`,
    declaredType: file.mimeType,
    bytes: file.bytes,
    aiGenerated: true,
    source: 'ai',
    approval: 'pending',
    characterId: row.characterId,
    provenance: {
      ...file.provenance,
      provider: file.facts.provider,
      model: file.facts.model,
      usageId: file.facts.usageId,
      costMicros: file.facts.costMicros,
      generationId: row.id,
    },
  });
  await recordResult(deps.db, row.id, saved.id);
  return saved.id;
}
