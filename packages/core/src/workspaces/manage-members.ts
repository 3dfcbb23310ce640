import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '@plume/db/client';
import { users } from '@plume/db/schema/auth';
import { members, type WorkspaceRole } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';

export type MemberView = {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: WorkspaceRole;
  createdAt: Date;
};

const columns = {
  id: members.id,
  userId: members.userId,
  name: users.name,
  email: users.email,
  role: members.role,
  createdAt: members.createdAt,
};

export async function listMembers(db: Database, workspaceId: string): Promise<MemberView[]> {
  return db
    .select(columns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.organizationId, workspaceId))
    .orderBy(asc(members.createdAt));
}

async function lockMember(tx: Tx, workspaceId: string, memberId: string) {
  const [member] = await tx
    .select({ id: members.id, role: members.role, userId: members.userId })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.organizationId, workspaceId)))
    .for('update');
  if (!member) throw AppError.notFound('member');
  return member;
}

/** Workspaces always keep at least one owner; counting under lock makes that hold under concurrency. */
async function assertAnotherOwner(tx: Tx, workspaceId: string, memberId: string): Promise<void> {
  const owners = await tx.execute<{ count: number }>(
    sql`SELECT count(*)::int AS count FROM ${members} WHERE ${members.organizationId} = ${workspaceId} AND ${members.role} = 'owner' AND ${members.id} <> ${memberId}`,
  );
  if ((owners.rows[0]?.count ?? 0) === 0)
    throw AppError.conflict('A workspace needs at least one owner. Make someone else owner first.');
}

export async function changeMemberRole(
  db: Database,
  input: { workspaceId: string; memberId: string; role: WorkspaceRole; actorRole: WorkspaceRole; actor: AuditActor },
): Promise<MemberView> {
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT 1 FROM ${members} WHERE ${members.organizationId} = ${input.workspaceId} AND ${members.role} = 'owner' FOR UPDATE`,
    );
    const member = await lockMember(tx, input.workspaceId, input.memberId);
    if ((member.role === 'owner' || input.role === 'owner') && input.actorRole !== 'owner') {
      throw AppError.forbidden('Only an owner can grant or remove the owner role.');
    }
    if (member.role === 'owner' && input.role !== 'owner') await assertAnotherOwner(tx, input.workspaceId, member.id);
    await tx.update(members).set({ role: input.role }).where(eq(members.id, member.id));
    await recordAudit(tx, input.workspaceId, input.actor, 'member.role_changed', 'member', member.id, {
      from: member.role,
      to: input.role,
    });
  });
  const [view] = await db
    .select(columns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.id, input.memberId));
  if (!view) throw AppError.notFound('member');
  return view;
}

export async function removeMember(
  db: Database,
  input: { workspaceId: string; memberId: string; actorRole: WorkspaceRole; actor: AuditActor },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT 1 FROM ${members} WHERE ${members.organizationId} = ${input.workspaceId} AND ${members.role} = 'owner' FOR UPDATE`,
    );
    const member = await lockMember(tx, input.workspaceId, input.memberId);
    if (member.role === 'owner' && input.actorRole !== 'owner')
      throw AppError.forbidden('Only an owner can remove an owner.');
    if (member.role === 'owner') await assertAnotherOwner(tx, input.workspaceId, member.id);
    await tx.delete(members).where(eq(members.id, member.id));
    await recordAudit(tx, input.workspaceId, input.actor, 'member.removed', 'member', member.id, {
      userId: member.userId,
    });
  });
}
