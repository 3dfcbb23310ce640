import { useQuery } from '@tanstack/react-query';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { MyInvitationsCard } from '../invitations/my-invitations-card.tsx';
import { CreateWorkspaceForm } from './create-workspace-form.tsx';
import { workspacesQueryOptions } from './workspace-queries.ts';

/** /workspaces/new — also the welcome page of someone who has no workspace yet. */
export function NewWorkspacePage() {
  const workspaces = useQuery(workspacesQueryOptions);
  const isFirst = workspaces.isSuccess && workspaces.data.length === 0;
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={isFirst ? 'Welcome to Plume' : 'New workspace'}
        description={
          isFirst
            ? 'Everything in Plume happens in a workspace: one brand or one character, with its own voice, accounts and team. Create your first one to get started.'
            : 'A workspace holds one brand or character, with its own voice, accounts and team.'
        }
      />
      <div className="space-y-6">
        <MyInvitationsCard hideWhenEmpty />
        <Card title={isFirst ? 'Create your first workspace' : 'Create a workspace'}>
          <CreateWorkspaceForm />
        </Card>
      </div>
    </div>
  );
}
