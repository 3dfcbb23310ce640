import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card } from '../../../components/card.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useWorkspace } from '../../workspaces/use-workspace.ts';
import { charactersQueryOptions } from '../characters/character-queries.ts';
import { MediaTabs } from '../media-tabs.tsx';
import { GenerateForm } from './generate-form.tsx';
import { GenerationPanel } from './generation-panel.tsx';
import { RecentGenerations } from './recent-generations.tsx';
import { generationsQueryOptions } from './studio-queries.ts';

/** /w/$workspaceId/media/generate: AI images, video and voice, with progress and approval of results. */
export function GeneratePage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const canEdit = workspace.role !== 'viewer';
  const generations = useQuery(generationsQueryOptions(workspace.id));
  const characters = useQuery(charactersQueryOptions(workspace.id));
  const [openId, setOpenId] = useState<string>();
  return (
    <>
      <PageHeader
        title="Generate"
        description="Images, video and voice from a prompt, in a style and shape for each network. Results are marked AI-generated and wait for approval before they can be used in a post."
      />
      <MediaTabs workspaceId={workspace.id} />
      <div className="space-y-6">
        {canEdit ? (
          <Card title="New generation">
            <GenerateForm
              workspaceId={workspace.id}
              characters={characters.data ?? []}
              onStarted={(generation) => setOpenId(generation.id)}
            />
          </Card>
        ) : (
          <p className="text-sm text-muted">Editors of {workspace.name} can generate media here.</p>
        )}
        {openId === undefined ? null : (
          <GenerationPanel workspaceId={workspace.id} generationId={openId} canEdit={canEdit} />
        )}
        <Card title="Recent generations">
          {generations.isPending ? (
            <LoadingState label="Loading generations…" />
          ) : generations.isError ? (
            <ErrorState error={generations.error} onRetry={() => void generations.refetch()} />
          ) : (
            <RecentGenerations
              generations={generations.data}
              zone={workspace.timezone}
              openId={openId}
              onOpen={setOpenId}
            />
          )}
        </Card>
      </div>
    </>
  );
}
