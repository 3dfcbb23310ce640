import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { buttonClasses } from '../../components/button-classes.ts';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { API_BASE } from '../../lib/api.ts';
import { ChangePasswordForm } from './change-password-form.tsx';
import { DeleteAccountForm } from './delete-account-form.tsx';
import { meQueryOptions, preferencesQueryOptions } from './me-query.ts';
import { PreferencesForm } from './preferences-form.tsx';
import { ProfileForm } from './profile-form.tsx';
import { NotificationPreferencesForm } from '../notifications/notification-preferences-form.tsx';
import { notificationPreferencesQueryOptions } from '../notifications/notification-queries.ts';

/** /profile — the account's own settings. */
export function ProfilePage() {
  const me = useSuspenseQuery(meQueryOptions).data;
  const preferences = useQuery(preferencesQueryOptions);
  const notificationPreferences = useQuery(notificationPreferencesQueryOptions);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Profile" description="Your account, across every workspace." />
      <div className="space-y-6">
        <Card title="Profile">
          <ProfileForm me={me} />
        </Card>
        <Card title="Preferences">
          {preferences.isPending ? <LoadingState /> : null}
          {preferences.isError ? (
            <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />
          ) : null}
          {preferences.isSuccess ? <PreferencesForm preferences={preferences.data} /> : null}
        </Card>
        <Card
          title="Notifications"
          description="What Plume tells you, in the app (the bell) and by mail, in every workspace you belong to."
        >
          {notificationPreferences.isPending ? <LoadingState /> : null}
          {notificationPreferences.isError ? (
            <ErrorState error={notificationPreferences.error} onRetry={() => void notificationPreferences.refetch()} />
          ) : null}
          {notificationPreferences.isSuccess ? (
            <NotificationPreferencesForm preferences={notificationPreferences.data} />
          ) : null}
        </Card>
        <Card title="Password">
          <ChangePasswordForm />
        </Card>
        <Card title="Your data" description="Download everything Plume holds about you, as one JSON file.">
          <a href={`${API_BASE}/me/export`} download className={buttonClasses('secondary')}>
            Export my data
          </a>
        </Card>
        <Card
          title="Delete account"
          tone="danger"
          description="Deletes your account. Workspaces where you are the only owner are deleted with it. This cannot be undone."
        >
          <DeleteAccountForm />
        </Card>
      </div>
    </div>
  );
}
