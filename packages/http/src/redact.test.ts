import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSecretParam, REDACTED, redactHeaders, redactUrl } from './redact.ts';

/** The parameter names the design requires us to redact. */
const DOCUMENTED_PARAMS = [
  'access_token',
  'token',
  'key',
  'api_key',
  'client_secret',
  'code',
  'password',
  'refresh_token',
  'sig',
  'signature',
];

describe('redactUrl', () => {
  it('replaces secret query parameters and keeps the rest', () => {
    const url = 'https://api.example/cb?code=abc123&state=xyz&access_token=t0k&API_KEY=k&page=2';
    expect(redactUrl(url)).toBe(
      `https://api.example/cb?code=${REDACTED}&state=xyz&access_token=${REDACTED}&API_KEY=${REDACTED}&page=2`,
    );
  });

  it('covers every documented parameter name, repeated ones and dashed spellings', () => {
    const names = [...DOCUMENTED_PARAMS, 'api-key', 'X-Amz-Signature'];
    const url = new URL('https://x.example/');
    for (const name of names) url.searchParams.append(name, `V4LUE-${name}`);
    url.searchParams.append('token', 'V4LUE-second');
    const redacted = redactUrl(url);
    expect(redacted).not.toContain('V4LUE');
  });

  it('redacts userinfo, fragment tokens and Telegram bot tokens in the path', () => {
    expect(redactUrl('https://user:pw@x.example/a')).not.toMatch(/user|pw/);
    expect(redactUrl('https://x.example/cb#access_token=abc&token_type=bearer')).toBe(
      `https://x.example/cb#access_token=${REDACTED}&token_type=bearer`,
    );
    expect(redactUrl('https://api.telegram.org/bot123456:AAHabc-def_ghi/sendMessage')).toBe(
      `https://api.telegram.org/${REDACTED}/sendMessage`,
    );
  });

  it('leaves URLs without secrets unchanged and never echoes unparseable input', () => {
    expect(redactUrl('https://x.example/p?q=1#top')).toBe('https://x.example/p?q=1#top');
    expect(redactUrl('not a url?token=abc')).toBe('[invalid url]');
  });

  it('never lets a secret parameter value through (property)', () => {
    const secretName = fc.constantFrom(...DOCUMENTED_PARAMS);
    const otherName = fc.stringMatching(/^[a-z]{1,8}$/).filter((name) => !isSecretParam(name));
    fc.assert(
      fc.property(secretName, fc.string({ minLength: 1 }), otherName, fc.string(), (name, value, other, otherValue) => {
        const url = new URL('https://x.example/path');
        url.searchParams.append(other, otherValue);
        url.searchParams.append(name, `S3CRET${value}`);
        const redacted = new URL(redactUrl(url));
        expect(redacted.searchParams.get(name)).toBe(REDACTED);
        expect(redacted.searchParams.get(other)).toBe(otherValue);
        expect(redactUrl(url)).not.toContain('S3CRET');
      }),
      { numRuns: 300 },
    );
  });
});

describe('redactHeaders', () => {
  it('redacts credential headers in every input shape', () => {
    const record = { Authorization: 'Bearer a', 'Content-Type': 'text/plain', Cookie: 'sid=1', 'X-Api-Key': 'k' };
    const expected = { authorization: REDACTED, 'content-type': 'text/plain', cookie: REDACTED, 'x-api-key': REDACTED };
    expect(redactHeaders(record)).toEqual(expected);
    expect(redactHeaders(new Headers(record))).toEqual(expected);
    expect(redactHeaders(Object.entries(record))).toEqual(expected);
  });

  it('handles Node-style multi-value and missing headers', () => {
    const nodeStyle = {
      'set-cookie': ['a=1', 'b=2'],
      'proxy-authorization': 'Basic x',
      accept: ['a', 'b'],
      gone: undefined,
      'content-length': 3,
    };
    expect(redactHeaders(nodeStyle)).toEqual({
      'set-cookie': REDACTED,
      'proxy-authorization': REDACTED,
      accept: 'a, b',
      'content-length': '3',
    });
  });
});

describe('redactUrl: webhook tokens', () => {
  it('hides the token segment of a Discord webhook URL, keeping the id and the rest', () => {
    expect(redactUrl('https://discord.com/api/v10/webhooks/123456/AbC-tok_en/messages/99?wait=true')).toBe(
      'https://discord.com/api/v10/webhooks/123456/[REDACTED]/messages/99?wait=true',
    );
  });
});
