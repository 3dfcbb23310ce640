import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  approveWeekResponse,
  briefSchema,
  generationSchema,
  placeWeekResponse,
  planChecksResponse,
  planDetailSchema,
  planListResponse,
  replacementResponse,
  type PlanDetail,
} from '@plume/contract/planning/plan-schemas';
import { api } from '../../lib/api.ts';
import { moveChanges, planWithMove, type MoveInput } from './move-brief.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

export const plansKey = (workspaceId: string) => ['workspaces', workspaceId, 'plans'] as const;
const plansPath = (workspaceId: string) => `${workspacePath(workspaceId)}/plans`;

export const planListOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: [...plansKey(workspaceId), 'list'],
    queryFn: () => api.get(plansPath(workspaceId), planListResponse),
  });

const generating = (plan: PlanDetail | undefined) =>
  plan?.generation?.state === 'queued' || plan?.generation?.state === 'running';

/** A plan; polled every 1.5 s while its drafts are being written, so the progress moves. */
export const planOptions = (workspaceId: string, planId: string) =>
  queryOptions({
    queryKey: [...plansKey(workspaceId), planId],
    queryFn: () => api.get(`${plansPath(workspaceId)}/${planId}`, planDetailSchema),
    refetchInterval: (query) => (generating(query.state.data) ? 1500 : false),
  });

export const planChecksOptions = (workspaceId: string, planId: string) =>
  queryOptions({
    queryKey: [...plansKey(workspaceId), planId, 'checks'],
    queryFn: () => api.get(`${plansPath(workspaceId)}/${planId}/checks`, planChecksResponse),
  });

export function useCreatePlan(workspaceId: string, onDone: (plan: PlanDetail) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => api.post(plansPath(workspaceId), { month }, planDetailSchema),
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: plansKey(workspaceId) });
      onDone(plan);
    },
  });
}

/** Every change to a plan refreshes the plan and its checks. */
function usePlanMutation<Input, Output>(
  workspaceId: string,
  planId: string,
  run: (base: string, input: Input) => Promise<Output>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => run(`${plansPath(workspaceId)}/${planId}`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...plansKey(workspaceId), planId] }),
  });
}

export type BriefInput = {
  day: string;
  accountId: string;
  pillar: string;
  topic: string;
  format: string;
  notes?: string;
};

export const useAddBrief = (workspaceId: string, planId: string) =>
  usePlanMutation(workspaceId, planId, (base, input: BriefInput) => api.post(`${base}/briefs`, input, briefSchema));

export const useUpdateBrief = (workspaceId: string, planId: string) =>
  usePlanMutation(workspaceId, planId, (base, input: { briefId: string; changes: Record<string, unknown> }) =>
    api.patch(`${base}/briefs/${input.briefId}`, input.changes, briefSchema),
  );

/** Moves a brief on the board at once; a refusal (409: quiet hours, caps, gap) puts it back. */
export function useMoveBrief(workspaceId: string, planId: string, timeZone: string) {
  const queryClient = useQueryClient();
  const key = [...plansKey(workspaceId), planId];
  return useMutation({
    mutationFn: (move: MoveInput) =>
      api.patch(`${plansPath(workspaceId)}/${planId}/briefs/${move.briefId}`, moveChanges(move, timeZone), briefSchema),
    onMutate: async (move: MoveInput) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const before = queryClient.getQueryData<PlanDetail>(key);
      if (before) queryClient.setQueryData(key, planWithMove(before, move));
      return { before };
    },
    onError: (_error, _move, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export const useDropBrief = (workspaceId: string, planId: string) =>
  usePlanMutation(workspaceId, planId, (base, briefId: string) => api.delete(`${base}/briefs/${briefId}`));

export const useReplaceBrief = (workspaceId: string, planId: string) =>
  usePlanMutation(workspaceId, planId, (base, input: { briefId: string; reason: string; emergency: boolean }) =>
    api.post(
      `${base}/briefs/${input.briefId}/${input.emergency ? 'emergency-replace' : 'reject'}`,
      { reason: input.reason },
      replacementResponse,
    ),
  );

export const usePlaceWeek = (workspaceId: string, planId: string) =>
  usePlanMutation(workspaceId, planId, (base, week: string) =>
    api.post(`${base}/weeks/${week}/place`, {}, placeWeekResponse),
  );

export const useGenerateWeek = (workspaceId: string, planId: string) =>
  usePlanMutation(workspaceId, planId, (base, week: string) =>
    api.post(`${base}/weeks/${week}/generate`, {}, generationSchema),
  );

export const useApproveWeek = (workspaceId: string, planId: string) =>
  usePlanMutation(workspaceId, planId, (base, input: { week: string; except: string[] }) =>
    api.post(`${base}/weeks/${input.week}/approve`, { except: input.except }, approveWeekResponse),
  );

export const useUpdateThemes = (workspaceId: string, planId: string) =>
  usePlanMutation(workspaceId, planId, (base, themes: { week: string; theme: string }[]) =>
    api.patch(base, { themes }, planDetailSchema),
  );
