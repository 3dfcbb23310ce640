import { errorCodes, type ErrorCode } from './error-codes.ts';

export type FieldError = { path: string; message: string };

type AppErrorOptions = {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  cause?: unknown;
};

/**
 * The one error type domain code throws. The HTTP layer turns it into problem+json in one place
 * (`apps/server/src/plugins/error-handler.ts`); domain code never picks a status itself.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ?? errorCodes[code].title, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code].status;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
  }

  static notFound(what = 'resource'): AppError {
    return new AppError('not_found', { detail: `The ${what} does not exist or is not visible to you.` });
  }

  static forbidden(detail: string): AppError {
    return new AppError('forbidden', { detail });
  }

  static conflict(detail: string): AppError {
    return new AppError('conflict', { detail });
  }

  static validation(path: string, message: string): AppError {
    return new AppError('validation_failed', { detail: `${path}: ${message}`, errors: [{ path, message }] });
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
