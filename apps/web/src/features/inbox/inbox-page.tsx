import { useState } from 'react';
import { useInfiniteQuery, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { meQueryOptions } from '../account/me-query.ts';
import { membersQueryOptions } from '../members/members-query.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { canManage } from '../workspaces/roles.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';
import { useWorkspace } from '../workspaces/use-workspace.ts';
import { ConversationList } from './conversation-list.tsx';
import { ConversationView, type ViewerContext } from './conversation-view.tsx';
import { InboxEmpty } from './inbox-empty.tsx';
import { InboxFigures } from './inbox-figures.tsx';
import { InboxFilterBar } from './inbox-filter-bar.tsx';
import { filtersOf, hasNarrowingFilters, searchOf, type InboxFilters, type InboxSearch } from './inbox-filters.ts';
import { conversationListOptions, inboxStatsQueryOptions } from './inbox-queries.ts';
import { InboxSettingsDialog } from './inbox-settings-dialog.tsx';
import { neighbourId } from './inbox-shortcuts.ts';
import { SavedRepliesDialog } from './saved-replies-dialog.tsx';
import { ShortcutsHelp } from './shortcuts-help.tsx';
import { useInboxShortcuts } from './use-inbox-shortcuts.ts';
import { useInboxStream } from './use-inbox-stream.ts';

interface InboxPageProps {
  workspaceId: string;
  search: InboxSearch;
  onSearchChange: (search: InboxSearch) => void;
}

type Dialog = 'saved' | 'settings' | 'shortcuts' | null;

/** /w/$workspaceId/inbox — every account's comments, mentions, messages and reviews, worked through as a team. */
export function InboxPage({ workspaceId, search, onSearchChange }: InboxPageProps) {
  const workspace = useWorkspace(workspaceId);
  const me = useSuspenseQuery(meQueryOptions).data;
  const timeZone = useTimeZone();
  const networkName = useNetworkName();
  const filters = filtersOf(search);
  const selectedId = search.c;
  const list = useInfiniteQuery(conversationListOptions(workspaceId, filters));
  const stats = useQuery(inboxStatsQueryOptions(workspaceId));
  const members = useQuery(membersQueryOptions(workspaceId)).data ?? [];
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showFigures, setShowFigures] = useState(false);
  useInboxStream(workspaceId);

  const ids = list.data?.pages.flatMap((page) => page.items.map((item) => item.id)) ?? [];
  const select = (id: string | undefined) => onSearchChange(searchOf(filters, id));
  const setFilters = (next: InboxFilters) => onSearchChange(searchOf(next, selectedId));
  useInboxShortcuts({
    next: () => select(neighbourId(ids, selectedId, 1)),
    previous: () => select(neighbourId(ids, selectedId, -1)),
    help: () => setDialog('shortcuts'),
  });

  const context: ViewerContext = {
    workspaceId,
    timeZone,
    meId: me.id,
    canEdit: workspace.role !== 'viewer',
    isAdmin: canManage(workspace.role),
    members,
    knownTags: stats.data?.tags ?? [],
    networkName,
    onManageSaved: () => setDialog('saved'),
  };
  const hasInboxAccounts = stats.data === undefined || stats.data.accounts.length > 0;

  return (
    <>
      <PageHeader
        title="Inbox"
        description="Comments, mentions, messages and reviews from every connected account. Press ? for shortcuts."
        action={
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => setShowFigures(!showFigures)} aria-expanded={showFigures}>
              {showFigures ? 'Hide figures' : 'Figures'}
            </Button>
            <Button variant="secondary" onClick={() => setDialog('saved')}>
              Saved replies
            </Button>
            <Button variant="secondary" onClick={() => setDialog('settings')}>
              Settings
            </Button>
            <Button variant="ghost" onClick={() => setDialog('shortcuts')}>
              Shortcuts
            </Button>
          </div>
        }
      />
      <div className="space-y-4">
        {showFigures && stats.data ? (
          <Card title="Figures per account" description="Open and unread now; response times over the last 30 days.">
            {stats.data.accounts.length > 0 ? (
              <InboxFigures stats={stats.data} timeZone={timeZone} networkName={networkName} />
            ) : (
              <EmptyState title="No account with an inbox yet" />
            )}
          </Card>
        ) : null}
        <Card>
          <InboxFilterBar
            filters={filters}
            stats={stats.data}
            members={members}
            networkName={networkName}
            onChange={setFilters}
          />
        </Card>
        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <div className={selectedId ? 'hidden lg:block' : ''}>
            <ConversationList
              query={list}
              selectedId={selectedId}
              timeZone={timeZone}
              networkName={networkName}
              onSelect={select}
              empty={
                <InboxEmpty
                  workspaceId={workspaceId}
                  hasInboxAccounts={hasInboxAccounts}
                  isNarrowed={hasNarrowingFilters(filters)}
                  onClear={() => setFilters({ status: 'open' })}
                />
              }
            />
          </div>
          <div className={selectedId ? '' : 'hidden lg:block'}>
            {selectedId ? (
              <Card>
                <ConversationView
                  key={selectedId}
                  context={context}
                  conversationId={selectedId}
                  onClose={() => select(undefined)}
                />
              </Card>
            ) : (
              <p className="rounded-lg border border-dashed border-line-strong p-6 text-center text-sm text-muted">
                Choose a conversation to read it and answer. j and k move through the list.
              </p>
            )}
          </div>
        </div>
      </div>
      {dialog === 'saved' ? (
        <SavedRepliesDialog workspaceId={workspaceId} canEdit={context.canEdit} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'settings' ? (
        <InboxSettingsDialog workspaceId={workspaceId} role={workspace.role} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'shortcuts' ? <ShortcutsHelp onClose={() => setDialog(null)} /> : null}
    </>
  );
}
