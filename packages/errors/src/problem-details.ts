import { errorCodes, type ErrorCode } from './error-codes.ts';
import type { FieldError } from './app-error.ts';

export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
};

const problemTypeBase = 'https://plume.dev/problems/';

/** Builds an RFC 9457 body for a stable code. */
export function toProblem(
  code: ErrorCode,
  extra: { detail?: string; errors?: FieldError[]; requestId?: string; instance?: string } = {},
): ProblemDetails {
  const { status, title } = errorCodes[code];
  return {
    type: `${problemTypeBase}${code}`,
    title,
    status,
    code,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.instance ? { instance: extra.instance } : {}),
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
  };
}
