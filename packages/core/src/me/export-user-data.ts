import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { apiKeys } from '@plume/db/schema/api-keys';
import { auditEvents } from '@plume/db/schema/audit';
import { sessions, users } from '@plume/db/schema/auth';
import { notifications } from '@plume/db/schema/notifications';
import { readNotificationPreferences } from '../notifications/notification-preferences.ts';
import { readPreferences } from './preferences.ts';
import { listWorkspacesOfUser } from '../workspaces/list-workspaces.ts';
import { listInvitationsForEmail } from '../workspaces/manage-invitations.ts';

/**
 * Everything Plume holds about one person, as JSON (GDPR art. 15/20). Secrets are left out: session
 * tokens, password hashes and API key hashes are credentials, not personal data to hand around.
 */
export async function exportUserData(db: Database, userId: string) {
  const [profile] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      image: users.image,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!profile) return null;
  return {
    exportedAt: new Date().toISOString(),
    format: 'plume.user-export.v1',
    profile,
    preferences: await readPreferences(db, userId),
    notificationPreferences: await readNotificationPreferences(db, userId),
    notifications: await db
      .select({
        workspaceId: notifications.workspaceId,
        kind: notifications.kind,
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
        inApp: notifications.inApp,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, userId)),
    workspaces: await listWorkspacesOfUser(db, userId),
    pendingInvitations: await listInvitationsForEmail(db, profile.email),
    sessions: await db
      .select({
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        ipAddress: sessions.ipAddress,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId)),
    apiKeysCreated: await db
      .select({
        id: apiKeys.id,
        workspaceId: apiKeys.workspaceId,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .where(eq(apiKeys.createdBy, userId)),
    activity: await db
      .select({
        workspaceId: auditEvents.workspaceId,
        action: auditEvents.action,
        subjectType: auditEvents.subjectType,
        subjectId: auditEvents.subjectId,
        createdAt: auditEvents.createdAt,
      })
      .from(auditEvents)
      .where(eq(auditEvents.actorId, userId)),
  };
}
