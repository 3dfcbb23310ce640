import { useQuery } from '@tanstack/react-query';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TemplateItem } from './template-item.tsx';
import { templatesQueryOptions } from './template-queries.ts';

interface TemplatesCardProps {
  workspaceId: string;
  workspaceName: string;
  canEdit: boolean;
}

/** "Post templates": the prompt skeleton behind each content type, editable by admins. */
export function TemplatesCard({ workspaceId, workspaceName, canEdit }: TemplatesCardProps) {
  const templates = useQuery(templatesQueryOptions(workspaceId));
  return (
    <Card
      title="Post templates"
      description="Each content type in Write with AI starts from one of these prompts; the brand voice and network limits are added to it."
    >
      {!canEdit ? (
        <p className="mb-3 text-sm text-muted">Only admins and owners of {workspaceName} can change the templates.</p>
      ) : null}
      {templates.isPending ? (
        <LoadingState label="Loading the templates…" />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : templates.data.items.length === 0 ? (
        <EmptyState title="No templates">This server offers no content types yet.</EmptyState>
      ) : (
        <ul aria-label="Post templates" className="space-y-3">
          {templates.data.items.map((template) => (
            <TemplateItem key={template.contentType} workspaceId={workspaceId} template={template} canEdit={canEdit} />
          ))}
        </ul>
      )}
    </Card>
  );
}
