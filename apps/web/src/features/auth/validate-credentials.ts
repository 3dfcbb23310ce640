import type { FieldErrors } from '../../lib/field-errors.ts';

/** Passwords shorter than this are refused by the server too. */
export const MIN_PASSWORD_LENGTH = 8;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the fields the auth forms share before anything is sent; empty result = valid. */
export function validateCredentials(fields: { name?: string; email?: string; password?: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.name !== undefined && fields.name.trim() === '') errors.name = 'Enter your name.';
  if (fields.email !== undefined && !emailPattern.test(fields.email.trim())) {
    errors.email = 'Enter a valid email address.';
  }
  if (fields.password !== undefined && fields.password.length < MIN_PASSWORD_LENGTH) {
    errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  return errors;
}

/** True when a validation result holds no errors. */
export function isValid(errors: FieldErrors): boolean {
  return Object.keys(errors).length === 0;
}
