import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { templateCopyResponse, type TemplateCopyView } from '@plume/contract/planning/strategy-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { api } from '../../lib/api.ts';
import { TextAreaField } from '../brand/text-area-field.tsx';
import { useNetworkName } from '../networks/use-network-name.ts';
import { problemsByPath } from './strategy-form-values.ts';
import { templateCopyQueryOptions, templateCopyPath } from './strategy-queries.ts';

type Copy = NonNullable<TemplateCopyView['copy']>;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Hashtag seeds and calls to action of the workspace's copy, editable by admins (the repository file stays as it is). */
function CopyEditor({ workspaceId, copy }: { workspaceId: string; copy: Copy }) {
  const queryClient = useQueryClient();
  const [hashtags, setHashtags] = useState(copy.template.hashtagSeeds.join('\n'));
  const [ctas, setCtas] = useState(copy.template.ctaStyles.join('\n'));
  const save = useMutation({
    mutationFn: () =>
      api.put(
        templateCopyPath(workspaceId),
        { ...copy.template, hashtagSeeds: lines(hashtags).map((tag) => tag.replace(/^#/, '')), ctaStyles: lines(ctas) },
        templateCopyResponse,
      ),
    onSuccess: (view) => queryClient.setQueryData(templateCopyQueryOptions(workspaceId).queryKey, view),
  });
  const problems = problemsByPath(save.error);
  const problemUnder = (field: string) =>
    Object.entries(problems).find(([path]) => path === field || path.startsWith(`${field}/`))?.[1];
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form noValidate onSubmit={handleSubmit} className="mt-4 space-y-4">
      <FormAlert error={save.error} labels={{ hashtagSeeds: 'Hashtag seeds', ctaStyles: 'Calls to action' }} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextAreaField
          label="Hashtag seeds"
          hint="One a line, without spaces; # is optional."
          rows={5}
          value={hashtags}
          onChange={(event) => setHashtags(event.target.value)}
          error={problemUnder('hashtagSeeds')}
        />
        <TextAreaField
          label="Calls to action"
          hint="One a line, most useful first (1 to 8)."
          rows={5}
          value={ctas}
          onChange={(event) => setCtas(event.target.value)}
          error={problemUnder('ctaStyles')}
        />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" isPending={save.isPending} pendingLabel="Saving…">
          Save the copy
        </Button>
        {save.isSuccess ? <StatusMessage>Your copy of the template was saved.</StatusMessage> : null}
      </div>
    </form>
  );
}

function CopyDetails({ copy }: { copy: Copy }) {
  const networkName = useNetworkName();
  const { template } = copy;
  return (
    <div className="space-y-4 text-sm">
      <div>
        <h3 className="font-medium text-ink">Post formats per network</h3>
        <ul className="mt-1 space-y-1 text-muted">
          {Object.entries(template.networks).map(([network, plan]) => (
            <li key={network}>
              {networkName(network)}: {plan.formats.join(', ')}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="font-medium text-ink">Example briefs</h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-muted">
          {template.exampleBriefs.map((brief) => (
            <li key={brief.brief}>
              {brief.brief} ({networkName(brief.network)})
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="font-medium text-ink">Where the advice comes from</h3>
        <p className="text-xs text-muted">{template.shareBasis}</p>
        <ul className="mt-1 space-y-1">
          {template.sources.map((source) => (
            <li key={source.url}>
              <a href={source.url} className={textLinkClasses} target="_blank" rel="noreferrer">
                {source.title}
              </a>{' '}
              <span className="text-muted">
                ({source.publisher}): {source.supports}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The workspace's copy of its industry template: what it holds, where its advice comes from, and its edits. */
export function TemplateCopyCard({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const query = useQuery(templateCopyQueryOptions(workspaceId));
  if (query.isPending) return <LoadingState label="Loading the template…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const copy = query.data.copy;
  if (!copy) return null;
  const newer =
    copy.latestVersion !== null && copy.latestVersion > copy.templateVersion
      ? ` Plume now ships version ${copy.latestVersion}.`
      : '';
  return (
    <Card
      title={`Your copy of the ${copy.template.name} template`}
      description={`Copied from version ${copy.templateVersion}${copy.edited ? ', edited in this workspace' : ''}.${newer}`}
    >
      <CopyDetails copy={copy} />
      {canEdit ? <CopyEditor workspaceId={workspaceId} copy={copy} /> : null}
    </Card>
  );
}
