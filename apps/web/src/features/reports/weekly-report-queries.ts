import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  weeklyReportListSchema,
  weeklyReportSchema,
  type WeeklyReport,
} from '@plume/contract/reports/weekly-report-schemas';
import { api } from '../../lib/api.ts';

export const weeklyReportsKey = (workspaceId: string) => ['workspaces', workspaceId, 'reports', 'weekly'] as const;

export const weeklyReportListOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: [...weeklyReportsKey(workspaceId), 'list'],
    queryFn: () => api.get(`/workspaces/${workspaceId}/reports/weekly`, weeklyReportListSchema),
  });

export const weeklyReportOptions = (workspaceId: string, reportId: string) =>
  queryOptions({
    queryKey: [...weeklyReportsKey(workspaceId), reportId],
    queryFn: () => api.get(`/workspaces/${workspaceId}/reports/weekly/${reportId}`, weeklyReportSchema),
  });

/** "Generate now" (admins): the report of the last full week, built (or rebuilt) on the server. */
export function useGenerateWeeklyReport(workspaceId: string, onDone: (report: WeeklyReport) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/workspaces/${workspaceId}/reports/weekly`, {}, weeklyReportSchema),
    onSuccess: async (report) => {
      queryClient.setQueryData(weeklyReportOptions(workspaceId, report.id).queryKey, report);
      await queryClient.invalidateQueries({ queryKey: [...weeklyReportsKey(workspaceId), 'list'] });
      onDone(report);
    },
  });
}
