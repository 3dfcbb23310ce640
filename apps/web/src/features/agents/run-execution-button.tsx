import { useNavigate } from '@tanstack/react-router';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useStartRun } from './agent-run-queries.ts';

/** "Run the Execution agent" for a plan's week: places it and submits its drafts, then opens the run's page. */
export function RunExecutionButton({
  workspaceId,
  planId,
  week,
}: {
  workspaceId: string;
  planId: string;
  week: string;
}) {
  const navigate = useNavigate();
  const start = useStartRun(workspaceId, (run) => {
    void navigate({ to: '/w/$workspaceId/agents/$runId', params: { workspaceId, runId: run.id } });
  });
  return (
    <>
      <Button
        variant="secondary"
        isPending={start.isPending}
        pendingLabel="Starting…"
        onClick={() => start.mutate({ kind: 'execution', planId, weeks: [week] })}
      >
        Run the Execution agent
      </Button>
      {start.isError ? <FormAlert error={start.error} /> : null}
    </>
  );
}
