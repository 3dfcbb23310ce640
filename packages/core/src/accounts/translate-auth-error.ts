import { AppError } from '@plume/errors/app-error';
import type { ErrorCode } from '@plume/errors/error-codes';

type AuthApiError = { statusCode: number; body?: { code?: string; message?: string } };

function isAuthApiError(error: unknown): error is AuthApiError {
  return (
    typeof error === 'object' &&
    error !== null &&
    'statusCode' in error &&
    typeof (error as AuthApiError).statusCode === 'number'
  );
}

const byStatus: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
};

/** better-auth throws its own API errors; Plume's callers only ever see AppError codes. */
export function translateAuthError(error: unknown): never {
  if (!isAuthApiError(error)) throw error;
  const authCode = error.body?.code ?? '';
  const detail = error.body?.message ?? undefined;
  if (error.statusCode === 400) {
    const code: ErrorCode = /ALREADY|EXISTS|DUPLICATE/.test(authCode) ? 'conflict' : 'validation_failed';
    throw new AppError(code, detail ? { detail } : {});
  }
  if (authCode === 'EMAIL_NOT_VERIFIED') throw new AppError('email_not_verified', detail ? { detail } : {});
  throw new AppError(byStatus[error.statusCode] ?? 'internal', detail ? { detail, cause: error } : { cause: error });
}

/** Runs a better-auth server call, translating its errors. */
export async function callAuth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    return translateAuthError(error);
  }
}
