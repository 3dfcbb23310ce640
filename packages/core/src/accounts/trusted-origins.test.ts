import { describe, expect, it } from 'vitest';
import { parseConfig } from '@plume/config/load-config';
import { headerOrigin, trustedOrigins } from './trusted-origins.ts';

describe('trustedOrigins', () => {
  it('trusts every loopback name on the configured port when PUBLIC_URL is unset', () => {
    expect(trustedOrigins(parseConfig({ NODE_ENV: 'production', PORT: '8080' }))).toEqual([
      'http://localhost:8080',
      'http://127.0.0.1:8080',
      'http://[::1]:8080',
    ]);
  });

  it('trusts only the origin of PUBLIC_URL when it is set', () => {
    expect(
      trustedOrigins(parseConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://plume.example.com/app/' })),
    ).toEqual(['https://plume.example.com']);
  });

  it('adds the Vite dev server in development', () => {
    expect(trustedOrigins(parseConfig({ NODE_ENV: 'development' }))).toContain('http://127.0.0.1:5173');
  });
});

describe('headerOrigin', () => {
  it('reads the origin of an Origin or Referer value, and nothing from null or garbage', () => {
    expect(headerOrigin('http://127.0.0.1:3000/workspaces?x=1')).toBe('http://127.0.0.1:3000');
    expect(headerOrigin('HTTP://LOCALHOST:80')).toBe('http://localhost');
    expect(headerOrigin('null')).toBeNull();
    expect(headerOrigin('not a url')).toBeNull();
  });
});
