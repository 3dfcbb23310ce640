import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useTimeZone } from '../workspaces/use-time-zone.ts';
import { MediaTabs } from './media-tabs.tsx';
import { VaultBatchBar } from './vault-batch-bar.tsx';
import { VaultCollections } from './vault-collections.tsx';
import { VaultFilters } from './vault-filters.tsx';
import { VaultGrid } from './vault-grid.tsx';
import { VaultPreview } from './vault-preview.tsx';
import { formatBytes, storageQueryOptions, vaultQueryOptions, type VaultSearch } from './vault-query.ts';
import { VaultUpload } from './vault-upload.tsx';

interface VaultPageProps {
  workspaceId: string;
  search: VaultSearch;
  onSearchChange: (search: VaultSearch) => void;
}

function StorageLine({ workspaceId }: { workspaceId: string }) {
  const storage = useQuery(storageQueryOptions(workspaceId));
  if (!storage.data) return null;
  const parts = storage.data.bySource.map((line) => `${line.source} ${formatBytes(line.bytes)}`);
  return (
    <p aria-label="Storage use" className="text-sm text-muted">
      {storage.data.count} {storage.data.count === 1 ? 'file' : 'files'}, {formatBytes(storage.data.bytes)} stored
      {parts.length > 0 ? ` (${parts.join(', ')})` : ''}.
    </p>
  );
}

/** /w/$workspaceId/media — the media library: every file, filtered, searched, grouped, previewed and acted on. */
export function VaultPage({ workspaceId, search, onSearchChange }: VaultPageProps) {
  const timeZone = useTimeZone();
  const list = useInfiniteQuery(vaultQueryOptions(workspaceId, search, timeZone));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [previewId, setPreviewId] = useState<string | undefined>();
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const names = useMemo(() => new Map(items.map((item) => [item.id, item.fileName])), [items]);
  const view = search.view ?? 'grid';
  const filtered = Object.keys(search).some((key) => key !== 'view');
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <>
      <PageHeader
        title="Media"
        description="Every image, video and sound of the workspace."
        action={<VaultUpload workspaceId={workspaceId} />}
      />
      <MediaTabs workspaceId={workspaceId} />
      <div className="grid gap-4 lg:grid-cols-[14rem_1fr]">
        <Card>
          <VaultCollections
            workspaceId={workspaceId}
            activeId={search.collectionId}
            selectedIds={[...selected]}
            onShow={(collectionId) => onSearchChange({ ...search, collectionId })}
          />
        </Card>
        <div className="min-w-0 space-y-4">
          <Card>
            <div className="space-y-4">
              <StorageLine workspaceId={workspaceId} />
              <VaultFilters search={search} timeZone={timeZone} onChange={onSearchChange} />
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div role="group" aria-label="View" className="flex gap-1">
                  {(['grid', 'list'] as const).map((option) => (
                    <Button
                      key={option}
                      variant={view === option ? 'primary' : 'secondary'}
                      aria-pressed={view === option}
                      onClick={() => onSearchChange({ ...search, view: option })}
                    >
                      {option === 'grid' ? 'Grid' : 'List'}
                    </Button>
                  ))}
                </div>
                {items.length > 0 ? (
                  <Button
                    variant="ghost"
                    onClick={() =>
                      setSelected(selected.size === items.length ? new Set() : new Set(items.map((item) => item.id)))
                    }
                  >
                    {selected.size === items.length ? 'Clear selection' : 'Select all shown'}
                  </Button>
                ) : null}
              </div>
              <VaultBatchBar
                workspaceId={workspaceId}
                selected={[...selected]}
                names={names}
                onDone={(kept) => setSelected(new Set(kept))}
              />
              {list.isPending ? <LoadingState label="Loading media…" /> : null}
              {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
              {list.isSuccess && items.length === 0 ? (
                filtered ? (
                  <EmptyState
                    title="Nothing matches these filters"
                    action={
                      <Button variant="secondary" onClick={() => onSearchChange({})}>
                        Clear filters
                      </Button>
                    }
                  />
                ) : (
                  <EmptyState title="No media yet" action={<VaultUpload workspaceId={workspaceId} />}>
                    Upload images and videos, or make them from templates and AI: everything lands here, ready for
                    posts.
                  </EmptyState>
                )
              ) : null}
              {items.length > 0 ? (
                <VaultGrid
                  items={items}
                  view={view}
                  selected={selected}
                  timeZone={timeZone}
                  onToggle={toggle}
                  onOpen={setPreviewId}
                />
              ) : null}
              {list.hasNextPage ? (
                <Button
                  variant="secondary"
                  isPending={list.isFetchingNextPage}
                  onClick={() => void list.fetchNextPage()}
                >
                  Load more
                </Button>
              ) : null}
            </div>
          </Card>
          {previewId ? (
            <VaultPreview
              workspaceId={workspaceId}
              mediaId={previewId}
              timeZone={timeZone}
              onClose={() => setPreviewId(undefined)}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
