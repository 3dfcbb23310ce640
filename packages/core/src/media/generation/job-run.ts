/** What each kind's runner gets and answers: the claimed row, its context, the services. */
import type { Database } from '@plume/db/client';
import type { MediaGateway } from '@plume/media/gateway/media-gateway-types';
import type { MediaStore } from '../media-store.ts';
import type { GenerationContext } from './generation-context.ts';
import type { GenerationRow } from './generation-views.ts';

export type GenerationDeps = { db: Database; media: MediaStore; gateway: MediaGateway };

export type JobRun = {
  deps: GenerationDeps;
  row: GenerationRow;
  context: GenerationContext;
  describe: (error: unknown, what: string) => string;
};

export type JobOutcome =
  | { state: 'succeeded'; error: string | null; partial?: true }
  | { state: 'failed'; error: string }
  | { state: 'cancelled' };
