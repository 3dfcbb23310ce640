import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { bearer } from 'better-auth/plugins/bearer';
import { organization } from 'better-auth/plugins/organization';
import type { PlumeConfig } from '@plume/config/load-config';
import type { Database } from '@plume/db/client';
import * as schema from '@plume/db/schema';
import type { Keyring } from '../secrets/keyring.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import { invitationMail, passwordResetMail, verificationMail } from '../mail/mail-templates.ts';
import { workspaceAccessControl, workspaceAuthRoles } from './workspace-access-control.ts';
import { deleteSoleOwnedWorkspaces } from './delete-sole-owned-workspaces.ts';
import { isFirstUser } from './is-first-user.ts';
import { trustedOrigins } from './trusted-origins.ts';

export const authBasePath = '/api/v1/auth';

type AuthDeps = { config: PlumeConfig; db: Database; keyring: Keyring };

/**
 * better-auth, configured for Plume: email + password with verification, sessions (cookie or bearer),
 * and organizations as workspaces with four roles. Mail goes through the outbox.
 */
export function createAuth({ config, db, keyring }: AuthDeps) {
  const appUrl = config.publicUrl;
  return betterAuth({
    appName: 'Plume',
    baseURL: appUrl,
    basePath: authBasePath,
    secret: keyring.derive('better-auth'),
    trustedOrigins: trustedOrigins(config),
    // better-auth skips its origin checks when the process's NODE_ENV is `test`; Plume's rule must not
    // depend on how the process was started.
    advanced: { disableOriginCheck: false },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
        organization: schema.workspaces,
        member: schema.members,
        invitation: schema.invitations,
      },
    }),
    telemetry: { enabled: false },
    // Plume's API layer applies its own rate limits and sign-in lockout.
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: config.REQUIRE_EMAIL_VERIFICATION,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await enqueueMail(db, passwordResetMail(user.email, url));
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        await enqueueMail(db, verificationMail(user.email, url));
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    user: {
      additionalFields: {
        isInstanceAdmin: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
      deleteUser: {
        enabled: true,
        beforeDelete: async (user) => {
          await deleteSoleOwnedWorkspaces(db, user.id);
        },
      },
    },
    databaseHooks: {
      user: {
        create: {
          // The first account is the instance admin. Without SMTP nobody could deliver its confirmation
          // mail (the admin is the one who reads the outbox), so it starts confirmed.
          before: async (user) => {
            const isFirst = await isFirstUser(db);
            return {
              data: {
                ...user,
                isInstanceAdmin: isFirst,
                emailVerified: user.emailVerified || (isFirst && !config.SMTP_URL),
              },
            };
          },
        },
      },
    },
    plugins: [
      bearer(),
      organization({
        ac: workspaceAccessControl,
        roles: workspaceAuthRoles,
        creatorRole: 'owner',
        invitationExpiresIn: 60 * 60 * 24 * 7,
        cancelPendingInvitationsOnReInvite: true,
        schema: {
          organization: {
            additionalFields: {
              kind: { type: 'string', required: true, input: true },
              timezone: { type: 'string', required: true, input: true },
              locale: { type: 'string', required: true, input: true },
            },
          },
        },
        sendInvitationEmail: async ({ email, role, organization: workspace, inviter, id }) => {
          await enqueueMail(
            db,
            invitationMail(email, {
              inviterName: inviter.user.name,
              workspaceName: workspace.name,
              role,
              url: `${appUrl}/invitations/${id}`,
            }),
          );
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
