import { describe, expect, it } from 'vitest';
import {
  AuthExpired,
  Permanent,
  RateLimited,
  Retryable,
  isProviderError,
  type AnyProviderError,
} from './provider-errors.ts';

describe('provider errors', () => {
  it('carry a stable kind and their details', () => {
    const cause = new Error('socket hang up');
    expect(new AuthExpired()).toMatchObject({ kind: 'auth_expired', name: 'AuthExpired' });
    expect(new RateLimited(60_000, 'app')).toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000, scope: 'app' });
    expect(new Retryable('502 from upstream', { cause })).toMatchObject({
      kind: 'retryable',
      reason: '502 from upstream',
      cause,
    });
    expect(new Permanent('The post is longer than 300 characters.', { vendorCode: 'InvalidRequest' })).toMatchObject({
      kind: 'permanent',
      reason: 'The post is longer than 300 characters.',
      vendorCode: 'InvalidRequest',
    });
    expect(new Permanent('Media type not supported.').vendorCode).toBeUndefined();
  });

  it('are recognised by isProviderError and narrow by kind', () => {
    const errors: unknown[] = [
      new AuthExpired(),
      new RateLimited(1000, 'account'),
      new Retryable('timeout'),
      new Permanent('no'),
    ];
    for (const error of errors) {
      expect(isProviderError(error)).toBe(true);
      expect(error).toBeInstanceOf(Error);
    }
    expect(isProviderError(new Error('plain'))).toBe(false);
    expect(isProviderError({ kind: 'permanent' })).toBe(false);

    const describeError = (error: AnyProviderError): string => {
      switch (error.kind) {
        case 'auth_expired':
          return 'refresh';
        case 'rate_limited':
          return `wait ${error.retryAfterMs}`;
        case 'retryable':
          return 'backoff';
        case 'permanent':
          return `fail: ${error.reason}`;
      }
    };
    expect(describeError(new RateLimited(5, 'account'))).toBe('wait 5');
  });
});
