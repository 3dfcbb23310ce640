import { getRouteApi } from '@tanstack/react-router';
import { BrandPage } from '../features/brand/brand-page.tsx';
import { ModelsPage } from '../features/models/models-page.tsx';

// By id rather than the route objects: those files import this one lazily.
const workspaceApi = getRouteApi('/app/w/$workspaceId');

/** Providers, Ollama, budget, usage and routing, /w/$workspaceId/models. */
export function ModelsRouteComponent() {
  const { workspaceId } = workspaceApi.useParams();
  return <ModelsPage workspaceId={workspaceId} />;
}

/** The brand profile or persona, /w/$workspaceId/brand. */
export function BrandRouteComponent() {
  const { workspaceId } = workspaceApi.useParams();
  return <BrandPage workspaceId={workspaceId} />;
}
