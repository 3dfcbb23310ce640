import { getRouteApi } from '@tanstack/react-router';
import { MediaTemplatesPage } from '../features/media/templates/media-templates-page.tsx';

// By id rather than the route objects: those files import this one lazily.
const workspaceApi = getRouteApi('/app/w/$workspaceId');

/** Templates, /w/$workspaceId/media/templates. */
export function MediaTemplatesRouteComponent() {
  const { workspaceId } = workspaceApi.useParams();
  return <MediaTemplatesPage workspaceId={workspaceId} />;
}
