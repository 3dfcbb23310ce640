import { useEffect } from 'react';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { agentRunPageSchema, agentRunSchema, type WireAgentRun } from '@plume/contract/agents/agent-run-schemas';
import type { z } from 'zod';
import type { startAgentRunBody } from '@plume/contract/agents/agent-run-schemas';
import { API_BASE, api, readAnswer } from '../../lib/api.ts';
import { applyRunResponse } from '@plume/contract/agents/apply-schemas';

export type StartRunBody = z.input<typeof startAgentRunBody>;

export const agentRunsKey = (workspaceId: string) => ['workspaces', workspaceId, 'agent-runs'] as const;
const runsPath = (workspaceId: string) => `/workspaces/${workspaceId}/agent-runs`;

export const agentRunListOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: [...agentRunsKey(workspaceId), 'list'],
    queryFn: () => api.get(`${runsPath(workspaceId)}?limit=50`, agentRunPageSchema),
  });

export const agentRunOptions = (workspaceId: string, runId: string) =>
  queryOptions({
    queryKey: [...agentRunsKey(workspaceId), runId],
    queryFn: () => api.get(`${runsPath(workspaceId)}/${runId}`, agentRunSchema),
  });

export function useStartRun(workspaceId: string, onStarted: (run: WireAgentRun) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartRunBody) => api.post(runsPath(workspaceId), body, agentRunSchema),
    onSuccess: async (run) => {
      queryClient.setQueryData(agentRunOptions(workspaceId, run.id).queryKey, run);
      await queryClient.invalidateQueries({ queryKey: [...agentRunsKey(workspaceId), 'list'] });
      onStarted(run);
    },
  });
}

export function useCancelRun(workspaceId: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${runsPath(workspaceId)}/${runId}/cancel`, {}, agentRunSchema),
    onSuccess: (run) => queryClient.setQueryData(agentRunOptions(workspaceId, runId).queryKey, run),
  });
}

export function useResumeRun(workspaceId: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${runsPath(workspaceId)}/${runId}/resume`, {}, agentRunSchema),
    onSuccess: (run) => queryClient.setQueryData(agentRunOptions(workspaceId, runId).queryKey, run),
  });
}

/** Applies a run's proposal; the run (its `appliedAt`), the strategy and the plans are read again. */
export function useApplyRun(workspaceId: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${runsPath(workspaceId)}/${runId}/apply`, {}, applyRunResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId] }),
  });
}

export const isOver = (state: WireAgentRun['state']) =>
  state === 'succeeded' || state === 'failed' || state === 'cancelled';

/**
 * Follows a run live: the server sends the whole run as a `run` event at each change and closes the
 * stream once it is over. Each event replaces the cached run; the list is read again at the end.
 */
export function useRunStream(workspaceId: string, runId: string, over: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (over || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}${runsPath(workspaceId)}/${runId}/stream`, { withCredentials: true });
    source.addEventListener('run', (event) => {
      const run = readAnswer(agentRunSchema, JSON.parse((event as MessageEvent<string>).data), 'run stream');
      queryClient.setQueryData(agentRunOptions(workspaceId, runId).queryKey, run);
      if (isOver(run.state)) {
        source.close();
        void queryClient.invalidateQueries({ queryKey: [...agentRunsKey(workspaceId), 'list'] });
      }
    });
    return () => source.close();
  }, [workspaceId, runId, over, queryClient]);
}
