import { useEffect, useRef } from 'react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useParams, useRouterState } from '@tanstack/react-router';
import { Logo } from '../../components/logo.tsx';
import { meQueryOptions, preferencesQueryOptions } from '../account/me-query.ts';
import { applyTheme } from '../account/theme.ts';
import { PublishingPausedBanner } from '../instance/publishing-paused-banner.tsx';
import { readLastWorkspaceId } from '../workspaces/last-workspace.ts';
import { browserTimezone } from '../workspaces/timezones.ts';
import { workspacesQueryOptions } from '../workspaces/workspace-queries.ts';
import { NotificationBell } from '../notifications/notification-bell.tsx';
import { MainNav } from './main-nav.tsx';
import { SkipLink } from './skip-link.tsx';
import { UserMenu } from './user-menu.tsx';
import { WorkspaceSwitcher } from './workspace-switcher.tsx';

/**
 * After moving to another page, focus goes to the page content (as a full page load would start there
 * for a screen reader), not stay on the link that was used or fall back to the skip link.
 */
function useFocusMainOnNavigation(): void {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}

/** The signed-in frame: header (logo, workspace switcher, nav, account menu) and the page. */
export function AppShell() {
  const me = useSuspenseQuery(meQueryOptions).data;
  const workspaces = useQuery(workspacesQueryOptions).data ?? [];
  const preferences = useQuery(preferencesQueryOptions).data;
  const { workspaceId: routeWorkspaceId } = useParams({ strict: false });
  const lastId = readLastWorkspaceId();
  const fallbackId = workspaces.some((w) => w.id === lastId) ? (lastId ?? undefined) : undefined;
  const currentId = routeWorkspaceId ?? fallbackId;

  useEffect(() => {
    if (preferences) applyTheme(preferences.theme);
  }, [preferences]);

  useFocusMainOnNavigation();

  return (
    <div className="min-h-dvh bg-canvas">
      <SkipLink />
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <Link to="/" aria-label="Plume home" className="rounded-md">
            <Logo />
          </Link>
          <WorkspaceSwitcher workspaces={workspaces} currentId={currentId} />
          <div className="ml-auto flex items-center gap-2">
            {currentId ? (
              <NotificationBell
                workspaceId={currentId}
                timeZone={workspaces.find((w) => w.id === currentId)?.timezone ?? browserTimezone()}
              />
            ) : null}
            <UserMenu me={me} />
          </div>
        </div>
        {/* The nav has a row of its own: beside the switcher and account menu it ran out of room at 1280 px. */}
        <div className="mx-auto max-w-6xl px-4 pb-2">
          <MainNav workspaceId={currentId} isInstanceAdmin={me.isInstanceAdmin} />
        </div>
      </header>
      <PublishingPausedBanner isInstanceAdmin={me.isInstanceAdmin} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none sm:py-8">
        <Outlet />
      </main>
    </div>
  );
}
