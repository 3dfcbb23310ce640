import { getRouteApi } from '@tanstack/react-router';
import { ComposerPage } from '../features/posts/composer-page.tsx';
import { mediaIdsOf } from '../features/posts/media-from-ids.ts';
import { ImportPostsPage } from '../features/posts/import/import-posts-page.tsx';
import { PostDetailPage } from '../features/posts/post-detail-page.tsx';

// Route APIs by id rather than the route objects: those files import this one lazily.
const workspaceApi = getRouteApi('/app/w/$workspaceId');
const postDetailApi = getRouteApi('/app/w/$workspaceId/posts/$postId');
const newPostApi = getRouteApi('/app/w/$workspaceId/posts/new');

/** The composer, /w/$workspaceId/posts/new. */
export function NewPostRouteComponent() {
  const { workspaceId } = workspaceApi.useParams();
  const { media } = newPostApi.useSearch();
  return <ComposerPage workspaceId={workspaceId} initialMediaIds={mediaIdsOf(media)} />;
}

/** One post, /w/$workspaceId/posts/$postId. */
export function PostDetailRouteComponent() {
  const { workspaceId, postId } = postDetailApi.useParams();
  return <PostDetailPage workspaceId={workspaceId} postId={postId} />;
}

/** CSV import, /w/$workspaceId/posts/import. */
export function ImportPostsRouteComponent() {
  const { workspaceId } = workspaceApi.useParams();
  return <ImportPostsPage workspaceId={workspaceId} />;
}
