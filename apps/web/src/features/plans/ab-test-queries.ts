import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AbTestKind } from '@plume/contract/planning/ab-test-enums';
import { abTestListResponse, abTestSchema, type AbTest } from '@plume/contract/planning/ab-test-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { plansKey } from './plan-queries.ts';

const planPath = (workspaceId: string, planId: string) => `${workspacePath(workspaceId)}/plans/${planId}`;

/** Under the plan's key, so every change to the plan refreshes its tests too. */
export const abTestsOptions = (workspaceId: string, planId: string) =>
  queryOptions({
    queryKey: [...plansKey(workspaceId), planId, 'ab-tests'],
    queryFn: () => api.get(`${planPath(workspaceId, planId)}/ab-tests`, abTestListResponse),
  });

function useAbMutation<Input, Output>(
  workspaceId: string,
  planId: string,
  run: (base: string, input: Input) => Promise<Output>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => run(planPath(workspaceId, planId), input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...plansKey(workspaceId), planId] }),
  });
}

export const useStartAbTest = (workspaceId: string, planId: string) =>
  useAbMutation(workspaceId, planId, (base, input: { briefId: string; kind: AbTestKind }) =>
    api.post(`${base}/briefs/${input.briefId}/ab-test`, { kind: input.kind }, abTestSchema),
  );

export const useCancelAbTest = (workspaceId: string, planId: string) =>
  useAbMutation(workspaceId, planId, (base, testId: string) => api.delete(`${base}/ab-tests/${testId}`));

export type AbRole = { test: AbTest; variant: 'A' | 'B' };

/** Which test (if any) a brief is variant A or B of; a cancelled test no longer links its briefs. */
export function abRoles(tests: readonly AbTest[]): Map<string, AbRole> {
  const roles = new Map<string, AbRole>();
  for (const test of tests) {
    if (test.state === 'cancelled') continue;
    roles.set(test.a.briefId, { test, variant: 'A' });
    roles.set(test.b.briefId, { test, variant: 'B' });
  }
  return roles;
}
