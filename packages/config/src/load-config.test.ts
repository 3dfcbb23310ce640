import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plumeNodeArgs } from '@plume/cli/plume-command';
import { ConfigError, parseConfig } from './load-config.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const hexKey = 'a'.repeat(64);
const base64Key = Buffer.alloc(32, 7).toString('base64');

/** Runs parseConfig and returns the ConfigError it throws (fails the test when it does not throw). */
function configErrorFor(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

/** The variable each problem line names (`VARIABLE: message`). */
function namedVariables(error: ConfigError): string[] {
  return error.problems.map((problem) => problem.split(':')[0] ?? '').sort();
}

describe('parseConfig', () => {
  it('fills every default from an empty environment', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.NODE_ENV).toBe('development');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.dataDir).toBe(path.resolve('.plume'));
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PLUME_SECRET_KEY).toBeUndefined();
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.HTTP_ALLOW_PRIVATE_HOSTS).toEqual([]);
    expect(config.REQUIRE_EMAIL_VERIFICATION).toBe(true);
    expect(config.TRUST_PROXY).toBe(false);
    expect(config.WORKER_CONCURRENCY).toBe(16);
  });

  it('derives the public URL from PORT, and strips a trailing slash from PUBLIC_URL', () => {
    expect(parseConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(parseConfig({ PUBLIC_URL: 'https://plume.example.com/' }).publicUrl).toBe('https://plume.example.com');
    expect(parseConfig({ PUBLIC_URL: 'https://example.com/plume/', PORT: '9' }).publicUrl).toBe(
      'https://example.com/plume',
    );
  });

  it('resolves a relative data directory to an absolute path', () => {
    expect(parseConfig({ PLUME_DATA_DIR: 'some/dir' }).dataDir).toBe(path.resolve('some/dir'));
    expect(parseConfig({ PLUME_DATA_DIR: '/srv/plume' }).dataDir).toBe('/srv/plume');
  });

  it('counts empty strings as unset, so they fall back to defaults', () => {
    const config = parseConfig({
      PORT: '',
      DATABASE_URL: '',
      PLUME_SECRET_KEY: '',
      PLUME_DATA_DIR: '',
      LOG_LEVEL: '',
      PUBLIC_URL: '',
      HTTP_ALLOW_PRIVATE_HOSTS: '',
      TRUST_PROXY: '',
      SMTP_URL: undefined,
    });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PLUME_SECRET_KEY).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('.plume'));
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.HTTP_ALLOW_PRIVATE_HOSTS).toEqual([]);
    expect(config.TRUST_PROXY).toBe(false);
  });

  it('ignores variables it does not know (the whole process environment is passed in)', () => {
    const config = parseConfig({ PATH: '/usr/bin', HOME: '/root', SOMETHING_ELSE: 'x' });
    expect(config).not.toHaveProperty('PATH');
    expect(config.PORT).toBe(3000);
  });

  it('reports every invalid variable at once, each by name', () => {
    const error = configErrorFor({
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      PLUME_SECRET_KEY: 'short',
      LOG_LEVEL: 'loud',
      HOST: '127.0.0.1',
    });
    expect(namedVariables(error)).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PLUME_SECRET_KEY', 'PORT']);
    expect(error.name).toBe('ConfigError');
    for (const variable of ['PORT', 'DATABASE_URL', 'PLUME_SECRET_KEY', 'LOG_LEVEL']) {
      expect(error.message).toContain(`  - ${variable}: `);
    }
    expect(error.problems.find((problem) => problem.startsWith('DATABASE_URL'))).toMatch(/postgres/);
    expect(error.problems.find((problem) => problem.startsWith('PLUME_SECRET_KEY'))).toMatch(/32 bytes/);
  });

  it('rejects out-of-range numbers and malformed URLs', () => {
    expect(namedVariables(configErrorFor({ PORT: '65536' }))).toEqual(['PORT']);
    expect(namedVariables(configErrorFor({ PORT: '80.5' }))).toEqual(['PORT']);
    expect(namedVariables(configErrorFor({ WORKER_CONCURRENCY: '0' }))).toEqual(['WORKER_CONCURRENCY']);
    expect(namedVariables(configErrorFor({ PUBLIC_URL: 'not a url' }))).toEqual(['PUBLIC_URL']);
    expect(namedVariables(configErrorFor({ SMTP_URL: 'http://mail' }))).toEqual(['SMTP_URL']);
    expect(parseConfig({ PORT: '0' }).PORT).toBe(0);
    expect(parseConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/plume' }).DATABASE_URL).toBe(
      'postgresql://u:p@db:5432/plume',
    );
  });

  it('accepts a secret key as 64 hex characters or as base64 of 32 bytes', () => {
    expect(parseConfig({ PLUME_SECRET_KEY: hexKey }).PLUME_SECRET_KEY).toBe(hexKey);
    expect(parseConfig({ PLUME_SECRET_KEY: base64Key }).PLUME_SECRET_KEY).toBe(base64Key);
    expect(namedVariables(configErrorFor({ PLUME_SECRET_KEY: 'a'.repeat(63) }))).toEqual(['PLUME_SECRET_KEY']);
  });

  it('reads booleans as true/false, 1/0 and yes/no, and rejects anything else', () => {
    expect(parseConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(parseConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(true);
    expect(parseConfig({ TRUST_PROXY: 'yes' }).TRUST_PROXY).toBe(true);
    expect(parseConfig({ REQUIRE_EMAIL_VERIFICATION: '0' }).REQUIRE_EMAIL_VERIFICATION).toBe(false);
    expect(parseConfig({ REQUIRE_EMAIL_VERIFICATION: 'false' }).REQUIRE_EMAIL_VERIFICATION).toBe(false);
    expect(parseConfig({ REQUIRE_EMAIL_VERIFICATION: 'no' }).REQUIRE_EMAIL_VERIFICATION).toBe(false);
    expect(namedVariables(configErrorFor({ TRUST_PROXY: 'maybe', REQUIRE_EMAIL_VERIFICATION: 'TRUE' }))).toEqual([
      'REQUIRE_EMAIL_VERIFICATION',
      'TRUST_PROXY',
    ]);
  });

  it('splits comma lists, trimming blanks and dropping empty items', () => {
    expect(
      parseConfig({ HTTP_ALLOW_PRIVATE_HOSTS: ' 127.0.0.1, ollama.local ,,10.0.0.0/8,' }).HTTP_ALLOW_PRIVATE_HOSTS,
    ).toEqual(['127.0.0.1', 'ollama.local', '10.0.0.0/8']);
    expect(parseConfig({ HTTP_ALLOW_PRIVATE_HOSTS: 'localhost' }).HTTP_ALLOW_PRIVATE_HOSTS).toEqual(['localhost']);
    expect(parseConfig({ PLUME_PREVIOUS_SECRET_KEYS: `${hexKey}, ${base64Key}` }).PLUME_PREVIOUS_SECRET_KEYS).toEqual([
      hexKey,
      base64Key,
    ]);
    expect(parseConfig({}).PLUME_PREVIOUS_SECRET_KEYS).toBeUndefined();
  });
});

describe('the plume command with bad configuration', () => {
  /** A minimal environment, so a variable in the developer's shell cannot change the outcome. */
  function runPlume(env: Record<string, string>) {
    return spawnSync(process.execPath, [...plumeNodeArgs, 'migrate'], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
  }

  it('exits with code 78 and names the bad variable before touching any database', () => {
    const result = runPlume({ PORT: 'abc' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/^ {2}- PORT: /m);
    expect(result.stderr).toContain('docs/configuration.md');
    expect(result.stdout).toBe('');
  });

  it('names every bad variable in one run', () => {
    const result = runPlume({ PORT: 'abc', DATABASE_URL: 'mysql://x', PLUME_SECRET_KEY: 'short', LOG_LEVEL: 'loud' });
    expect(result.status).toBe(78);
    for (const variable of ['PORT', 'DATABASE_URL', 'PLUME_SECRET_KEY', 'LOG_LEVEL']) {
      expect(result.stderr).toMatch(new RegExp(`^ {2}- ${variable}: `, 'm'));
    }
  });
});
