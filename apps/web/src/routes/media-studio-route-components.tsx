import { getRouteApi } from '@tanstack/react-router';
import { CharactersPage } from '../features/media/characters/characters-page.tsx';
import { GeneratePage } from '../features/media/studio/generate-page.tsx';

// By id rather than the route objects: those files import this one lazily.
const workspaceApi = getRouteApi('/app/w/$workspaceId');

/** AI images, video and voice, /w/$workspaceId/media/generate. */
export function GenerateRouteComponent() {
  const { workspaceId } = workspaceApi.useParams();
  return <GeneratePage workspaceId={workspaceId} />;
}

/** Characters, /w/$workspaceId/media/characters. */
export function CharactersRouteComponent() {
  const { workspaceId } = workspaceApi.useParams();
  return <CharactersPage workspaceId={workspaceId} />;
}
