import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { users } from '@plume/db/schema/auth';
import type { InvitationStatus } from '@plume/contract/workspaces/workspace-enums';
import { invitations, workspaces, type WorkspaceRole } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import type { Auth } from '../accounts/create-auth.ts';
import { callAuth } from '../accounts/translate-auth-error.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';

export type InvitationView = {
  id: string;
  email: string;
  role: WorkspaceRole | null;
  status: InvitationStatus;
  expiresAt: Date;
  inviterName: string | null;
  workspaceId: string;
  workspaceName: string;
};

const columns = {
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  // better-auth stores a declined invitation as 'rejected'; the API speaks of 'declined'.
  status:
    sql<InvitationStatus>`CASE WHEN ${invitations.status} = 'rejected' THEN 'declined' ELSE ${invitations.status} END`.as(
      'status',
    ),
  expiresAt: invitations.expiresAt,
  inviterName: users.name,
  workspaceId: invitations.organizationId,
  workspaceName: workspaces.name,
};

function selectInvitations(db: Database) {
  return db
    .select(columns)
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.inviterId));
}

export async function listWorkspaceInvitations(db: Database, workspaceId: string): Promise<InvitationView[]> {
  return selectInvitations(db).where(eq(invitations.organizationId, workspaceId)).orderBy(desc(invitations.createdAt));
}

/** Pending, unexpired invitations addressed to this email, across workspaces. */
export async function listInvitationsForEmail(db: Database, email: string): Promise<InvitationView[]> {
  return selectInvitations(db)
    .where(
      and(
        eq(invitations.email, email.toLowerCase()),
        eq(invitations.status, 'pending'),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

async function findInvitation(db: Database, invitationId: string): Promise<InvitationView> {
  const [row] = await selectInvitations(db).where(eq(invitations.id, invitationId));
  if (!row) throw AppError.notFound('invitation');
  return row;
}

/** Invites by email through better-auth, which also mails the invitee (through Plume's outbox). */
export async function inviteMember(
  deps: { db: Database; auth: Auth },
  input: {
    workspaceId: string;
    email: string;
    role: WorkspaceRole;
    actorRole: WorkspaceRole;
    headers: Headers;
    actor: AuditActor;
  },
): Promise<InvitationView> {
  if (input.role === 'owner' && input.actorRole !== 'owner')
    throw AppError.forbidden('Only an owner can invite another owner.');
  const created = await callAuth(() =>
    deps.auth.api.createInvitation({
      headers: input.headers,
      body: { email: input.email.toLowerCase(), role: input.role, organizationId: input.workspaceId, resend: true },
    }),
  );
  await recordAudit(deps.db, input.workspaceId, input.actor, 'invitation.created', 'invitation', created.id, {
    email: input.email,
    role: input.role,
  });
  return findInvitation(deps.db, created.id);
}

export async function cancelInvitation(
  db: Database,
  input: { workspaceId: string; invitationId: string; actor: AuditActor },
): Promise<void> {
  const updated = await db
    .update(invitations)
    .set({ status: 'canceled' })
    .where(
      and(
        eq(invitations.id, input.invitationId),
        eq(invitations.organizationId, input.workspaceId),
        eq(invitations.status, 'pending'),
      ),
    )
    .returning({ id: invitations.id, email: invitations.email });
  if (updated.length === 0) throw AppError.notFound('invitation');
  await recordAudit(db, input.workspaceId, input.actor, 'invitation.canceled', 'invitation', input.invitationId, {
    email: updated[0]?.email,
  });
}

/**
 * Accepts or declines as the signed-in invitee. An invitation addressed to someone else is
 * reported as not found, so ids cannot be probed.
 */
export async function answerInvitation(
  deps: { db: Database; auth: Auth },
  input: { invitationId: string; email: string; accept: boolean; headers: Headers; actor: AuditActor },
): Promise<{ workspaceId: string }> {
  const invitation = await findInvitation(deps.db, input.invitationId);
  if (invitation.email.toLowerCase() !== input.email.toLowerCase()) throw AppError.notFound('invitation');
  if (invitation.status !== 'pending') throw AppError.conflict(`This invitation was already ${invitation.status}.`);
  if (invitation.expiresAt.getTime() <= Date.now())
    throw AppError.conflict('This invitation has expired. Ask for a new one.');
  if (input.accept) {
    await callAuth(() =>
      deps.auth.api.acceptInvitation({ headers: input.headers, body: { invitationId: input.invitationId } }),
    );
  } else {
    await callAuth(() =>
      deps.auth.api.rejectInvitation({ headers: input.headers, body: { invitationId: input.invitationId } }),
    );
  }
  await recordAudit(
    deps.db,
    invitation.workspaceId,
    input.actor,
    input.accept ? 'invitation.accepted' : 'invitation.declined',
    'invitation',
    invitation.id,
    { email: invitation.email },
  );
  return { workspaceId: invitation.workspaceId };
}
