import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordResetLink } from '@plume/core/accounts/create-reset-link';
import { accounts, sessions, users } from '@plume/db/schema/auth';
import { members, workspaces } from '@plume/db/schema/workspaces';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  signIn,
  uniqueEmail,
  type TestUser,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

type Mail = { id: string; to: string; subject: string; text: string };

let t: TestApp;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  // The first registered user is the instance admin, who reads the outbox.
  admin = await createUser(t.app, t.db);
});
afterAll(async () => t.close());

async function mailsTo(email: string): Promise<Mail[]> {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox?limit=100', headers: admin.headers });
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Mail[] }>().items.filter((mail) => mail.to === email);
}

function linkIn(mail: Mail): URL {
  const match = mail.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in mail: ${mail.text}`);
  return new URL(match[0]);
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

describe('sign-up, verification and sessions', () => {
  it('refuses sign-in until the emailed link is opened, then issues a bearer session that sign-out ends', async () => {
    const email = uniqueEmail('journey');
    const password = 'journey-password-1';
    const signUp = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      payload: { name: 'Journey', email, password },
    });
    expect(signUp.statusCode).toBe(200);

    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/email',
      payload: { email, password },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('email_not_verified');
    expect(refused.headers['set-auth-token']).toBeUndefined();

    const [mail] = await mailsTo(email);
    expect(mail?.subject).toMatch(/confirm your email/i);
    const link = linkIn(mail as Mail);
    expect(link.pathname).toBe('/api/v1/auth/verify-email');
    expect(link.searchParams.get('token')).toBeTruthy();
    const verified = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(verified.statusCode).toBe(302);
    expect(verified.headers.location).toBe('/');
    const [row] = await t.db.select({ emailVerified: users.emailVerified }).from(users).where(eq(users.email, email));
    expect(row?.emailVerified).toBe(true);

    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/email',
      payload: { email, password },
    });
    expect(signedIn.statusCode).toBe(200);
    const token = signedIn.headers['set-auth-token'];
    expect(typeof token).toBe('string');
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/get-session',
      headers: bearer(String(token)),
    });
    expect(session.statusCode).toBe(200);
    expect(session.json().user).toMatchObject({ email, emailVerified: true });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(String(token)) });
    expect(me.json()).toMatchObject({ email, name: 'Journey', isInstanceAdmin: false });

    const signOut = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: bearer(String(token)),
      payload: {},
    });
    expect(signOut.statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/get-session',
      headers: bearer(String(token)),
    });
    expect(after.json()).toBeNull();
    const meAfter = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(String(token)) });
    expect(meAfter.statusCode).toBe(401);
  });

  it('lets only the instance admin read the outbox', async () => {
    const other = await createUser(t.app, t.db);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox', headers: other.headers });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('resets a forgotten password through the mailed link', async () => {
    const user = await createUser(t.app, t.db);
    const requested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/request-password-reset',
      payload: { email: user.email, redirectTo: 'http://localhost:3000/reset-password' },
    });
    expect(requested.statusCode).toBe(200);
    const mail = (await mailsTo(user.email)).find((item) => /reset/i.test(item.subject));
    expect(mail).toBeDefined();
    const link = linkIn(mail as Mail);
    // Opening the link redirects to the web app's form with the token.
    const opened = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(opened.statusCode).toBe(302);
    const formUrl = new URL(String(opened.headers.location));
    expect(`${formUrl.origin}${formUrl.pathname}`).toBe('http://localhost:3000/reset-password');
    const token = formUrl.searchParams.get('token');
    expect(token).toBeTruthy();
    expect(link.pathname).toContain(String(token));

    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { newPassword: 'brand-new-password-2', token },
    });
    expect(reset.statusCode).toBe(200);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/email',
      payload: { email: user.email, password: user.password },
    });
    expect(old.statusCode).toBe(401);
    await expect(signIn(t.app, user.email, 'brand-new-password-2')).resolves.toEqual(expect.any(String));
    // Reset revokes existing sessions.
    const stale = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: user.headers });
    expect(stale.statusCode).toBe(401);
  });

  it('makes the same kind of link for an operator (plume user reset-password), whatever the case of the address', async () => {
    const user = await createUser(t.app, t.db);
    const made = await createPasswordResetLink(
      { db: t.db, auth: t.context.auth, appUrl: t.config.publicUrl },
      user.email.toUpperCase(),
    );
    expect(made.email).toBe(user.email);
    const mail = (await mailsTo(user.email)).find((item) => /reset/i.test(item.subject));
    expect(mail && linkIn(mail).toString()).toBe(made.url);
    const opened = await t.app.inject({ method: 'GET', url: made.url.replace(t.config.publicUrl, '') });
    expect(opened.statusCode).toBe(302);
    const token = new URL(String(opened.headers.location)).searchParams.get('token');
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { newPassword: 'operator-reset-4', token },
    });
    expect(reset.statusCode).toBe(200);
    await expect(signIn(t.app, user.email, 'operator-reset-4')).resolves.toEqual(expect.any(String));
    await expect(
      createPasswordResetLink({ db: t.db, auth: t.context.auth, appUrl: t.config.publicUrl }, 'nobody@example.test'),
    ).rejects.toThrow('No user has the email address nobody@example.test.');
  });

  it('changes the password of a signed-in user', async () => {
    const user = await createUser(t.app, t.db);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/change-password',
      headers: user.headers,
      payload: { currentPassword: user.password, newPassword: 'changed-password-3' },
    });
    expect(changed.statusCode).toBe(200);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/email',
      payload: { email: user.email, password: user.password },
    });
    expect(old.statusCode).toBe(401);
    await expect(signIn(t.app, user.email, 'changed-password-3')).resolves.toEqual(expect.any(String));
  });

  it('locks an account after repeated failures, even against the right password', async () => {
    const locked = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
    try {
      const user = await createUser(locked.app, locked.db);
      const signInWith = (password: string) =>
        locked.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in/email',
          payload: { email: user.email, password },
        });
      // A success in between starts the count again.
      for (let attempt = 0; attempt < 2; attempt += 1)
        expect((await signInWith('not-the-password')).statusCode).toBe(401);
      expect((await signInWith(user.password)).statusCode).toBe(200);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        expect((await signInWith('not-the-password')).statusCode).toBe(401);
      }
      const right = await locked.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in/email',
        payload: { email: user.email.toUpperCase(), password: user.password },
      });
      expect(right.statusCode).toBe(423);
      expect(right.headers['content-type']).toContain('application/problem+json');
      expect(right.json().code).toBe('account_locked');
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
      expect(right.headers['set-auth-token']).toBeUndefined();
    } finally {
      await locked.close();
    }
  });
});

describe('profile and preferences', () => {
  it('reads and updates the profile, validating fields', async () => {
    const user = await createUser(t.app, t.db, { name: 'Before' });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: user.headers });
    expect(me.json()).toMatchObject({
      id: user.id,
      name: 'Before',
      email: user.email,
      emailVerified: true,
      isInstanceAdmin: false,
    });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: user.headers,
      payload: { name: 'After' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().name).toBe('After');
    const tooLong = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: user.headers,
      payload: { name: 'x'.repeat(101) },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.headers['content-type']).toContain('application/problem+json');
    expect(tooLong.json().errors).toEqual([expect.objectContaining({ path: 'body/name' })]);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('returns default preferences and merges partial updates', async () => {
    const user = await createUser(t.app, t.db);
    const defaults = await t.app.inject({ method: 'GET', url: '/api/v1/me/preferences', headers: user.headers });
    expect(defaults.json()).toEqual({ theme: 'system', weekStartsOn: 1, locale: 'en' });
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      headers: user.headers,
      payload: { theme: 'dark', weekStartsOn: 0 },
    });
    expect(put.statusCode).toBe(200);
    const expected = { theme: 'dark', weekStartsOn: 0, locale: 'en' };
    expect(put.json()).toEqual(expected);
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/me/preferences', headers: user.headers });
    expect(again.json()).toEqual(expected);
  });
});

describe('export and deletion', () => {
  it('exports personal data without credentials', async () => {
    const user = await createUser(t.app, t.db);
    const workspace = await createWorkspaceAs(t.app, user);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me/export', headers: user.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const body = response.json();
    expect(body.profile).toMatchObject({ id: user.id, email: user.email });
    expect(body.workspaces).toEqual([expect.objectContaining({ id: workspace.id, role: 'owner' })]);
    expect(body.notificationPreferences).toContainEqual({ kind: 'weekly_report', inApp: true, mail: true });
    expect(body.notifications).toEqual([]);

    const [account] = await t.db
      .select({ password: accounts.password })
      .from(accounts)
      .where(eq(accounts.userId, user.id));
    const sessionRows = await t.db.select({ token: sessions.token }).from(sessions).where(eq(sessions.userId, user.id));
    expect(account?.password).toBeTruthy();
    expect(sessionRows.length).toBeGreaterThan(0);
    const secrets = [String(account?.password), user.token, ...sessionRows.map((row) => row.token)];
    for (const secret of secrets) expect(response.body).not.toContain(secret);
    // The stored hash is `salt:key` in hex; neither half may leak.
    for (const half of String(account?.password).split(':')) expect(response.body).not.toContain(half);
  });

  it('deletes the account with its password, taking sole-owned workspaces with it', async () => {
    const user = await createUser(t.app, t.db);
    const coOwner = await createUser(t.app, t.db);
    const solo = await createWorkspaceAs(t.app, user);
    const shared = await createWorkspaceAs(t.app, coOwner);
    await addMember(t.app, shared, coOwner, user, 'owner');

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/delete',
      headers: user.headers,
      payload: { password: 'not-my-password' },
    });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrong.statusCode).toBeLessThan(500);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(await t.db.select({ id: users.id }).from(users).where(eq(users.id, user.id))).toHaveLength(1);

    const deleted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/delete',
      headers: user.headers,
      payload: { password: user.password },
    });
    expect(deleted.statusCode).toBe(204);
    expect(await t.db.select({ id: users.id }).from(users).where(eq(users.id, user.id))).toHaveLength(0);
    expect(await t.db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, solo.id))).toHaveLength(0);

    const survivor = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${shared.id}/members`,
      headers: coOwner.headers,
    });
    expect(survivor.statusCode).toBe(200);
    expect(survivor.json().items.map((member: { userId: string }) => member.userId)).toEqual([coOwner.id]);
    expect(await t.db.select({ id: members.id }).from(members).where(eq(members.userId, user.id))).toHaveLength(0);

    const signInAgain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/email',
      payload: { email: user.email, password: user.password },
    });
    expect(signInAgain.statusCode).toBe(401);
    const stale = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: user.headers });
    expect(stale.statusCode).toBe(401);
  });
});
