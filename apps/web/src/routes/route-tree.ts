import { agentRunRoute, agentRunsRoute } from './agent-runs-route.tsx';
import { accountsRedirectRoute } from './accounts-redirect-route.tsx';
import { accountsRoute } from './accounts-route.tsx';
import { analyticsRoute } from './analytics-route.tsx';
import { adminOutboxRoute } from './admin-outbox-route.tsx';
import { apiKeysRoute } from './api-keys-route.tsx';
import { webhooksRoute } from './webhooks-route.tsx';
import { automationRoute } from './automation-route.tsx';
import { appRoute } from './app-route.tsx';
import { brandRoute } from './brand-route.tsx';
import { checkEmailRoute } from './check-email-route.tsx';
import { dashboardRoute } from './dashboard-route.tsx';
import { forgotPasswordRoute } from './forgot-password-route.tsx';
import { homeRoute } from './home-route.tsx';
import { mediaRoute } from './media-route.tsx';
import { mediaTemplatesRoute } from './media-templates-route.tsx';
import { membersRoute } from './members-route.tsx';
import { mediaCharactersRoute } from './media-characters-route.tsx';
import { mediaGenerateRoute } from './media-generate-route.tsx';
import { modelsRoute } from './models-route.tsx';
import { calendarRoute } from './calendar-route.tsx';
import { importPostsRoute } from './import-posts-route.tsx';
import { inboxRoute } from './inbox-route.tsx';
import { newPostRoute } from './new-post-route.tsx';
import { notificationsRoute } from './notifications-route.tsx';
import { postDetailRoute } from './post-detail-route.tsx';
import { postsRoute } from './posts-route.tsx';
import { planRoute, plansRoute } from './plans-route.tsx';
import { newWorkspaceRoute } from './new-workspace-route.tsx';
import { profileRoute } from './profile-route.tsx';
import { resetPasswordRoute } from './reset-password-route.tsx';
import { reviewRoute } from './review-route.tsx';
import { rootRoute } from './root-route.tsx';
import { signInRoute } from './sign-in-route.tsx';
import { signUpRoute } from './sign-up-route.tsx';
import { onboardingRoute, strategyRoute } from './strategy-route.tsx';
import { workspaceRoute } from './workspace-route.tsx';
import { workspaceSettingsRoute } from './workspace-settings-route.tsx';
import { weeklyReportRoute, weeklyReportsRoute } from './weekly-reports-route.tsx';

/** Every route of the web app, assembled in code (no file-based generation). */
export const routeTree = rootRoute.addChildren([
  signUpRoute,
  signInRoute,
  checkEmailRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  appRoute.addChildren([
    homeRoute,
    newWorkspaceRoute,
    profileRoute,
    adminOutboxRoute,
    accountsRedirectRoute,
    workspaceRoute.addChildren([
      dashboardRoute,
      inboxRoute,
      postsRoute,
      mediaRoute,
      newPostRoute,
      importPostsRoute,
      postDetailRoute,
      reviewRoute,
      notificationsRoute,
      weeklyReportsRoute,
      weeklyReportRoute,
      calendarRoute,
      agentRunsRoute,
      agentRunRoute,
      plansRoute,
      planRoute,
      analyticsRoute,
      accountsRoute,
      membersRoute,
      brandRoute,
      mediaTemplatesRoute,
      strategyRoute,
      onboardingRoute,
      modelsRoute,
      apiKeysRoute,
      webhooksRoute,
      automationRoute,
      mediaGenerateRoute,
      mediaCharactersRoute,
      workspaceSettingsRoute,
    ]),
  ]),
]);
