import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { publishingPauseQueryOptions, resumePublishing } from './publishing-pause-query.ts';

/**
 * Across every page while publishing is paused on this server (a restored copy starts so: the original
 * may still be running, and both would publish the same posts). The instance admin resumes it here;
 * everyone else learns why posts wait.
 */
export function PublishingPausedBanner({ isInstanceAdmin }: { isInstanceAdmin: boolean }) {
  const queryClient = useQueryClient();
  const pause = useQuery(publishingPauseQueryOptions).data;
  const resume = useMutation({
    mutationFn: resumePublishing,
    onSuccess: async (resumed) => {
      queryClient.setQueryData(publishingPauseQueryOptions.queryKey, resumed);
      await queryClient.invalidateQueries({ queryKey: ['workspaces'] });
    },
  });
  if (!pause?.paused) return null;
  return (
    <div role="region" aria-label="Publishing paused" className="border-b border-warning/40 bg-warning-soft">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm text-warning">
        <div className="min-w-0 flex-1">
          <p className="font-semibold">
            Publishing is paused on this server. No post goes out; due posts wait and nothing is lost.
          </p>
          {pause.reason ? <p>{pause.reason}</p> : null}
          {isInstanceAdmin ? (
            <p>
              Resume once the original instance is stopped, or if this server should publish. Posts that fell due
              meanwhile go out at once.
            </p>
          ) : (
            <p>The server&apos;s administrator can resume it.</p>
          )}
        </div>
        {isInstanceAdmin ? (
          <Button onClick={() => resume.mutate()} isPending={resume.isPending} pendingLabel="Resuming…">
            Resume publishing
          </Button>
        ) : null}
      </div>
      {resume.error ? (
        <div className="mx-auto max-w-6xl px-4 pb-3">
          <FormAlert error={resume.error} />
        </div>
      ) : null}
    </div>
  );
}
