/**
 * The API contract's enums against what the rest of Plume can produce: a value the database, a
 * network manifest, better-auth or the LLM gateway can hold must be in the contract's list, or the
 * server would fail to encode its own answer.
 */
import type { InvitationStatus as AuthInvitationStatus } from 'better-auth/plugins';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { NETWORK_IDS as CONTRACT_NETWORK_IDS } from '@plume/contract/networks/network-enums';
import {
  countMethodSchema,
  jsonSchemaSchema,
  mediaCapabilitiesSchema,
  networkSchema,
  rateLimitSchema,
} from '@plume/contract/networks/network-schemas';
import {
  LLM_TASKS as CONTRACT_TASKS,
  PROVIDER_KINDS as CONTRACT_KINDS,
  ROUTING_MODES as CONTRACT_MODES,
} from '@plume/contract/llm/llm-enums';
import { OLLAMA_ERROR_KINDS, type PULL_STATUSES } from '@plume/contract/ollama/ollama-schemas';
import type { FailureKind, PostState, TargetState } from '@plume/contract/posts/post-states';
import { INVITATION_STATUSES, type InvitationStatus } from '@plume/contract/workspaces/workspace-enums';
import type { mediaAssets } from '@plume/db/schema/media';
import type { posts, postTargets } from '@plume/db/schema/publishing';
import type { socialAccounts } from '@plume/db/schema/social';
import { ROUTING_MODES } from '@plume/llm/gateway/routing';
import { OLLAMA_MANAGER_ERROR_KINDS } from '@plume/llm/ollama/ollama-manager-error';
import { LLM_TASKS, PROVIDER_KINDS } from '@plume/llm/provider-contract';
import { NETWORK_IDS } from '@plume/networks/contract';
import { allProviders } from '@plume/networks/registry';
import type { PullStatus } from '../llm/ollama-pulls.ts';

describe('contract enums', () => {
  it('lists exactly the networks, LLM tasks, provider kinds, routing modes and Ollama errors the packages define', () => {
    expect([...CONTRACT_NETWORK_IDS]).toEqual([...NETWORK_IDS]);
    expect([...CONTRACT_TASKS]).toEqual([...LLM_TASKS]);
    expect([...CONTRACT_KINDS]).toEqual([...PROVIDER_KINDS]);
    expect([...CONTRACT_MODES]).toEqual([...ROUTING_MODES]);
    expect([...OLLAMA_ERROR_KINDS]).toEqual([...OLLAMA_MANAGER_ERROR_KINDS]);
    expectTypeOf<PullStatus>().toEqualTypeOf<(typeof PULL_STATUSES)[number]>();
  });

  it('types the database columns with the contract enums', () => {
    expectTypeOf<(typeof posts.$inferSelect)['state']>().toEqualTypeOf<PostState>();
    expectTypeOf<(typeof postTargets.$inferSelect)['state']>().toEqualTypeOf<TargetState>();
    expectTypeOf<(typeof postTargets.$inferSelect)['failureKind']>().toEqualTypeOf<FailureKind | null>();
    expectTypeOf<(typeof socialAccounts.$inferSelect)['network']>().toEqualTypeOf<(typeof NETWORK_IDS)[number]>();
    expectTypeOf<(typeof mediaAssets.$inferSelect)['kind']>().toEqualTypeOf<'image' | 'video' | 'gif' | 'audio'>();
  });

  it('reports every invitation status better-auth stores', () => {
    // better-auth writes these; the API reports `rejected` as `declined` (manage-invitations.ts).
    const reported: Record<AuthInvitationStatus, InvitationStatus> = {
      pending: 'pending',
      accepted: 'accepted',
      rejected: 'declined',
      canceled: 'canceled',
    };
    expect(new Set(Object.values(reported))).toEqual(new Set(INVITATION_STATUSES));
  });

  it('describes every network manifest: media rules, how text is counted, rate limits, setting and credential forms', () => {
    for (const { manifest } of allProviders) {
      expect(mediaCapabilitiesSchema.safeParse(manifest.media).error, manifest.id).toBeUndefined();
      expect(countMethodSchema.safeParse(manifest.text.count).error, manifest.id).toBeUndefined();
      expect(z.array(rateLimitSchema).safeParse(manifest.rateLimits).error, manifest.id).toBeUndefined();
      expect(networkSchema.shape.id.safeParse(manifest.id).success, manifest.id).toBe(true);
      const formOf = (schema: z.ZodType) =>
        jsonSchemaSchema.safeParse(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })).error;
      expect(formOf(manifest.settings), `${manifest.id} settings`).toBeUndefined();
      if (manifest.auth.kind === 'credentials')
        expect(formOf(manifest.auth.fields), `${manifest.id} credentials`).toBeUndefined();
    }
  });
});
