import { describe, expect, it } from 'vitest';
import { httpUrlMessage, httpUrlSchema } from './http-url-schema.ts';

describe('httpUrlSchema', () => {
  it.each(['https://example.com/a.png', 'http://127.0.0.1:8000/v1', 'HTTPS://Example.com'])('accepts %s', (url) => {
    expect(httpUrlSchema().safeParse(url).success).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'vbscript:x',
    'example.com',
    '',
  ])('refuses %j in plain words', (url) => {
    const result = httpUrlSchema().safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(httpUrlMessage);
  });

  it('caps the length', () => {
    const result = httpUrlSchema(30).safeParse(`https://example.com/${'a'.repeat(20)}`);
    expect(result.error?.issues[0]?.message).toBe('Use at most 30 characters');
  });
});
