import { useQuery } from '@tanstack/react-query';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { canManage } from '../workspaces/roles.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { BrandProfileForm } from './brand-profile-form.tsx';
import { brandProfileQueryOptions } from './brand-queries.ts';
import { TemplatesCard } from './templates-card.tsx';

/** /w/$workspaceId/brand — the voice the AI writes in: the brand profile, and for a character its persona. */
export function BrandPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const profile = useQuery(brandProfileQueryOptions(workspaceId));
  const isCharacter = workspace.kind === 'character';
  return (
    <>
      <PageHeader
        title="Brand"
        description={
          isCharacter
            ? 'The character this workspace speaks as, within the brand’s limits.'
            : 'Who this workspace speaks for and how it sounds.'
        }
      />
      {profile.isPending ? (
        <LoadingState label="Loading the profile…" />
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <div className="space-y-6">
          {profile.data.profile === null ? (
            <Card>
              <p className="text-sm text-muted">
                No profile yet: posts are written in a neutral voice until{' '}
                {canManage(workspace.role) ? 'you describe yours below' : 'an admin describes yours'}.
              </p>
            </Card>
          ) : null}
          <BrandProfileForm
            workspace={workspace}
            stored={profile.data.profile}
            canEdit={canManage(workspace.role)}
            canPreview={workspace.role !== 'viewer'}
          />
        </div>
      )}
      <div className="mt-6">
        <TemplatesCard workspaceId={workspaceId} workspaceName={workspace.name} canEdit={canManage(workspace.role)} />
      </div>
    </>
  );
}
