/** The notification centre: what Plume tells people (in the app and by mail), and how each person wants it. */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { pageOf, timestamp, type Wire } from '../wire.ts';

/** What a notification is about. docs/notifications.md says who receives each kind. */
export const NOTIFICATION_KINDS = [
  'approval_requested',
  'post_failed',
  'account_disconnected',
  'viral_alert',
  'budget_alert',
  'weekly_report',
  'webhook_disabled',
  'automation',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How each kind is named on the preferences page. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  approval_requested: 'A post waits for your approval',
  post_failed: 'A post failed or could not be confirmed',
  account_disconnected: 'An account was disconnected',
  viral_alert: 'A post runs far above (or below) its usual reach',
  budget_alert: 'The AI model budget is running out',
  weekly_report: 'The weekly report',
  webhook_disabled: 'A webhook endpoint was turned off after failing',
  automation: 'An automation rule tells you something, or was turned off for firing too often',
};

/**
 * What a person gets when they changed nothing: everything in the app; mail for what needs acting on
 * (approvals, failures, disconnects, budgets: budget alerts were mailed before the notification centre) and the report.
 */
export const DEFAULT_NOTIFICATION_CHANNELS: Record<NotificationKind, { inApp: boolean; mail: boolean }> = {
  approval_requested: { inApp: true, mail: true },
  post_failed: { inApp: true, mail: true },
  account_disconnected: { inApp: true, mail: true },
  viral_alert: { inApp: true, mail: false },
  budget_alert: { inApp: true, mail: true },
  weekly_report: { inApp: true, mail: true },
  webhook_disabled: { inApp: true, mail: true },
  automation: { inApp: true, mail: false },
};

export const notificationSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('A path in the web app, e.g. `/w/{workspaceId}/posts/{postId}`'),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
export type Notification = Wire<typeof notificationSchema>;

export const notificationPageSchema = pageOf(notificationSchema);

export const notificationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  unread: z.enum(['true', 'false']).optional().describe('`true`: only the unread ones'),
});

export const notificationParams = z.object({ workspaceId: workspaceIdParam, notificationId: z.uuid() });

export const unreadCountSchema = z.object({ unread: z.number().int() });

export const markAllReadSchema = z.object({ marked: z.number().int() });

export const notificationChannelsSchema = z.object({ inApp: z.boolean(), mail: z.boolean() });

/** One line per kind, defaults filled in. */
export const notificationPreferencesSchema = z.object({
  kinds: z.array(z.object({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), mail: z.boolean() })),
});
export type NotificationPreferences = Wire<typeof notificationPreferencesSchema>;

/** `PUT /me/notification-preferences` takes the kinds it changes. */
export const notificationPreferencesBody = z
  .object({
    kinds: z
      .array(z.object({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), mail: z.boolean() }).strict())
      .max(NOTIFICATION_KINDS.length),
  })
  .strict();
export type NotificationPreferencesBody = Wire<typeof notificationPreferencesBody>;
