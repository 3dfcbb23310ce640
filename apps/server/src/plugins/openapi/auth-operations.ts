/**
 * The better-auth routes Plume's web app and mails use, for the OpenAPI document. better-auth answers
 * them behind one wildcard route (plugins/auth-routes.ts), so they have no Fastify schema of their own;
 * these entries describe what it accepts and answers (better-auth 1.7), errors rewritten as problem+json.
 * The Prism conformance test (openapi-conformance.test.ts) checks them against real answers.
 */
import { authBasePath } from '@plume/core/accounts/create-auth';

type JsonObject = Record<string, unknown>;
export type AuthOperation = {
  method: 'get' | 'post';
  path: string;
  operation: JsonObject;
  statuses: readonly number[];
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (properties: JsonObject, required: string[]) => ({
  required: true,
  content: { 'application/json': { schema: { type: 'object', properties, required } } },
});
const email = { type: 'string', format: 'email', maxLength: 320 };
const password = { type: 'string', minLength: 8, maxLength: 128 };
const status = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'boolean' }, message: { type: 'string' } },
};
const withUser = (token: JsonObject) => ({
  type: 'object',
  required: ['token', 'user'],
  properties: { token, user: ref('AuthUser') },
});
const signedIn = { security: [{ bearer: [] }, { session: [] }] };
const anyone = { security: [] };
const redirect = {
  description: 'Redirects the browser (`Location`)',
  headers: { location: { description: 'Where to go next', schema: { type: 'string' } } },
};

export const authSchemas: Record<string, JsonObject> = {
  AuthUser: {
    type: 'object',
    required: ['id', 'name', 'email', 'emailVerified', 'createdAt', 'updatedAt'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      emailVerified: { type: 'boolean' },
      image: { type: ['string', 'null'] },
      isInstanceAdmin: { type: 'boolean' },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  AuthSession: {
    type: 'object',
    required: ['id', 'userId', 'expiresAt'],
    properties: {
      id: { type: 'string' },
      userId: { type: 'string' },
      token: { type: 'string' },
      expiresAt: { type: 'string', format: 'date-time' },
      activeOrganizationId: { type: ['string', 'null'] },
    },
  },
};

const op = (
  method: AuthOperation['method'],
  path: string,
  statuses: readonly number[],
  operation: JsonObject,
): AuthOperation => ({
  method,
  path: `${authBasePath}${path}`,
  statuses,
  operation: { tags: ['auth'], ...operation },
});

export const authOperations: readonly AuthOperation[] = [
  op('post', '/sign-up/email', [403, 409], {
    operationId: 'signUpWithEmail',
    summary: 'Register with name, email and password; a confirmation mail goes out',
    ...anyone,
    requestBody: body(
      {
        name: { type: 'string', minLength: 1 },
        email,
        password,
        callbackURL: { type: 'string' },
        rememberMe: { type: 'boolean' },
      },
      ['name', 'email', 'password'],
    ),
    responses: {
      200: json(
        withUser({ type: ['string', 'null'] }),
        'Registered; `token` is a session token when no confirmation is needed',
      ),
    },
  }),
  op('post', '/sign-in/email', [401, 403, 423], {
    operationId: 'signInWithEmail',
    summary:
      'Sign in: sets the session cookie and answers the session token (also in `set-auth-token`); locked for a while after repeated failures',
    ...anyone,
    requestBody: body(
      {
        email,
        password: { type: 'string', minLength: 1, maxLength: 128 },
        callbackURL: { type: 'string' },
        rememberMe: { type: 'boolean' },
      },
      ['email', 'password'],
    ),
    responses: {
      200: {
        ...json(
          {
            ...withUser({ type: 'string' }),
            properties: {
              ...withUser({ type: 'string' }).properties,
              redirect: { type: 'boolean' },
              url: { type: 'string' },
            },
          },
          'Signed in',
        ),
        headers: {
          'set-auth-token': {
            description: 'The session token, for `Authorization: Bearer`',
            schema: { type: 'string' },
          },
        },
      },
    },
  }),
  op('post', '/sign-out', [401, 403], {
    operationId: 'signOut',
    summary: 'End the current session',
    ...signedIn,
    requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
    responses: {
      200: json({ type: 'object', required: ['success'], properties: { success: { type: 'boolean' } } }, 'Signed out'),
    },
  }),
  op('get', '/get-session', [], {
    operationId: 'getSession',
    summary: 'The current session and user, or null when nobody is signed in',
    security: [{}, { bearer: [] }, { session: [] }],
    responses: {
      200: json(
        {
          anyOf: [
            {
              type: 'object',
              required: ['session', 'user'],
              properties: { session: ref('AuthSession'), user: ref('AuthUser') },
            },
            { type: 'null' },
          ],
        },
        'The session, or null',
      ),
    },
  }),
  op('post', '/send-verification-email', [403], {
    operationId: 'sendVerificationEmail',
    summary: 'Send the email confirmation mail again',
    ...anyone,
    requestBody: body({ email, callbackURL: { type: 'string' } }, ['email']),
    responses: { 200: json(status, 'Sent (or nothing to send)') },
  }),
  op('get', '/verify-email', [401], {
    operationId: 'verifyEmail',
    summary: 'Confirm an email address (the link in the confirmation mail)',
    ...anyone,
    parameters: [
      { in: 'query', name: 'token', required: true, schema: { type: 'string' } },
      {
        in: 'query',
        name: 'callbackURL',
        required: false,
        schema: { type: 'string' },
        description: 'Where to send the browser afterwards',
      },
    ],
    responses: {
      200: json(
        { ...status, properties: { ...status.properties, user: { anyOf: [ref('AuthUser'), { type: 'null' }] } } },
        'Confirmed (no callbackURL)',
      ),
      302: redirect,
    },
  }),
  op('post', '/request-password-reset', [403], {
    operationId: 'requestPasswordReset',
    summary: 'Mail a password reset link (the answer is the same whether the address is known or not)',
    ...anyone,
    requestBody: body(
      { email, redirectTo: { type: 'string', description: 'The web page that asks for the new password' } },
      ['email'],
    ),
    responses: { 200: json(status, 'Requested') },
  }),
  op('get', '/reset-password/{token}', [], {
    operationId: 'openPasswordResetLink',
    summary: 'The link in the reset mail: redirects to `callbackURL` with the token (or with `error=INVALID_TOKEN`)',
    ...anyone,
    parameters: [
      { in: 'path', name: 'token', required: true, schema: { type: 'string' } },
      { in: 'query', name: 'callbackURL', required: true, schema: { type: 'string' } },
    ],
    responses: { 302: redirect },
  }),
  op('post', '/reset-password', [403], {
    operationId: 'resetPassword',
    summary: "Set a new password with the reset link's token; signs out every session",
    ...anyone,
    requestBody: body({ newPassword: password, token: { type: 'string', minLength: 1 } }, ['newPassword', 'token']),
    responses: { 200: json(status, 'Changed') },
  }),
  op('post', '/change-password', [401, 403], {
    operationId: 'changePassword',
    summary: 'Change the password of the signed-in user',
    ...signedIn,
    requestBody: body(
      {
        currentPassword: { type: 'string', minLength: 1 },
        newPassword: password,
        revokeOtherSessions: { type: 'boolean' },
      },
      ['currentPassword', 'newPassword'],
    ),
    responses: {
      200: json(
        withUser({ type: ['string', 'null'] }),
        'Changed; `token` is a new session token when other sessions were revoked',
      ),
    },
  }),
];
