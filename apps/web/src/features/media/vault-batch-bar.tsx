import { useMutation, useQueryClient } from '@tanstack/react-query';
import { vaultBatchResultSchema, type VaultBatchResult } from '@plume/contract/media/vault-schemas';
import { Button } from '../../components/button.tsx';
import { buttonClasses } from '../../components/button-classes.ts';
import { api, API_BASE } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { mediaPath, vaultKey } from './vault-query.ts';

interface VaultBatchBarProps {
  workspaceId: string;
  selected: readonly string[];
  names: ReadonlyMap<string, string>;
  onDone: (kept: string[]) => void;
}

function summary(action: string, results: VaultBatchResult['results'], names: ReadonlyMap<string, string>): string[] {
  const done = results.filter((result) => result.ok).length;
  const lines = [`${done} ${done === 1 ? 'file' : 'files'} ${action}.`];
  for (const result of results.filter((item) => !item.ok))
    lines.push(`${names.get(result.mediaId) ?? result.mediaId}: ${result.reason ?? 'not changed'}`);
  return lines;
}

const past = { approve: 'approved', reject: 'rejected', delete: 'deleted' } as const;

/** What can be done to the selected items at once; each item that could not be changed says why. */
export function VaultBatchBar({ workspaceId, selected, names, onDone }: VaultBatchBarProps) {
  const queryClient = useQueryClient();
  const batch = useMutation({
    mutationFn: async (action: 'approve' | 'reject' | 'delete') => {
      const answer = await api.post(
        `${mediaPath(workspaceId)}/batch`,
        { action, mediaIds: selected },
        vaultBatchResultSchema,
      );
      return { action, answer };
    },
    onSuccess: ({ answer }) => {
      onDone(answer.results.filter((result) => !result.ok).map((result) => result.mediaId));
      void queryClient.invalidateQueries({ queryKey: vaultKey(workspaceId) });
    },
  });
  const zip = `${API_BASE}${mediaPath(workspaceId)}/archive?ids=${selected.slice(0, 100).join(',')}`;
  return (
    <div className="space-y-2">
      {selected.length > 0 ? (
        <div
          role="toolbar"
          aria-label="Selected media"
          className="flex flex-wrap items-center gap-2 rounded-md bg-subtle p-2"
        >
          <span className="text-sm text-ink">{selected.length} selected</span>
          <Button variant="secondary" isPending={batch.isPending} onClick={() => batch.mutate('approve')}>
            Approve
          </Button>
          <Button variant="secondary" isPending={batch.isPending} onClick={() => batch.mutate('reject')}>
            Reject
          </Button>
          <a href={zip} download className={buttonClasses('secondary')}>
            Download zip{selected.length > 100 ? ' (first 100)' : ''}
          </a>
          <Button variant="danger" isPending={batch.isPending} onClick={() => batch.mutate('delete')}>
            Delete
          </Button>
        </div>
      ) : null}
      {batch.error ? (
        <p role="alert" className="text-sm text-danger">
          {errorMessageOf(batch.error)}
        </p>
      ) : null}
      {batch.data ? (
        <ul role="status" aria-label="Batch result" className="space-y-0.5 text-sm text-ink">
          {summary(past[batch.data.action], batch.data.answer.results, names).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
