import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { users } from '@plume/db/schema/auth';
import type { Database } from '@plume/db/client';

export type TestUser = {
  id: string;
  email: string;
  name: string;
  password: string;
  token: string;
  headers: Record<string, string>;
};

let counter = 0;
let addresses = 0;

/**
 * Each factory-made user signs up and in from its own address, as real people do, so the auth
 * routes' per-address rate limit (30 a minute) does not throttle a file that creates many users.
 */
function nextAddress(): string {
  addresses += 1;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
}

export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}-${counter}-${randomBytes(3).toString('hex')}@example.test`;
}

/**
 * Registers through the real auth routes, confirms the email in the database (the mail round trip
 * has its own test), and signs in: the result carries a bearer session token.
 */
export async function createUser(
  app: FastifyInstance,
  db: Database,
  input: { name?: string; email?: string; password?: string } = {},
): Promise<TestUser> {
  const email = input.email ?? uniqueEmail();
  const name = input.name ?? `Test ${email.split('@')[0]}`;
  const password = input.password ?? 'a-long-test-password';
  const remoteAddress = nextAddress();
  const signUp = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-up/email',
    remoteAddress,
    payload: { name, email, password },
  });
  if (signUp.statusCode !== 200) throw new Error(`sign-up failed: ${signUp.statusCode} ${signUp.body}`);
  await db.update(users).set({ emailVerified: true }).where(eq(users.email, email));
  const token = await signIn(app, email, password, remoteAddress);
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error('user row missing after sign-up');
  return { id: row.id, email, name, password, token, headers: { authorization: `Bearer ${token}` } };
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password: string,
  remoteAddress = '127.0.0.1',
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in/email',
    remoteAddress,
    payload: { email, password },
  });
  const token = response.headers['set-auth-token'];
  if (response.statusCode !== 200 || typeof token !== 'string')
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return token;
}

export type TestWorkspace = { id: string; name: string };

export async function createWorkspaceAs(
  app: FastifyInstance,
  user: TestUser,
  input: { name?: string; kind?: 'brand' | 'character' } = {},
): Promise<TestWorkspace> {
  const name = input.name ?? `Workspace ${randomBytes(3).toString('hex')}`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces',
    headers: user.headers,
    payload: { name, kind: input.kind ?? 'brand', timezone: 'Europe/Berlin', locale: 'en' },
  });
  if (response.statusCode !== 201) throw new Error(`workspace create failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ id: string; name: string }>();
  return { id: body.id, name: body.name };
}

/** Invites `member` with `role` and accepts as them, through the real routes. */
export async function addMember(
  app: FastifyInstance,
  workspace: TestWorkspace,
  owner: TestUser,
  member: TestUser,
  role: 'owner' | 'admin' | 'editor' | 'viewer',
): Promise<string> {
  const invite = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspace.id}/invitations`,
    headers: owner.headers,
    payload: { email: member.email, role },
  });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  const invitationId = invite.json<{ id: string }>().id;
  const accept = await app.inject({
    method: 'POST',
    url: `/api/v1/invitations/${invitationId}/accept`,
    headers: member.headers,
  });
  if (accept.statusCode !== 200) throw new Error(`accept failed: ${accept.statusCode} ${accept.body}`);
  return invitationId;
}
