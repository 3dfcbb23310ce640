import path from 'node:path';
import type { z } from 'zod';
import { configSchema, type RawConfig } from './config-schema.ts';
import { findOnPath } from './find-on-path.ts';

export type PlumeConfig = RawConfig & {
  /** Absolute data directory: embedded Postgres, the generated key file, local media. */
  dataDir: string;
  /** The URL people reach Plume at; links in mail point here. */
  publicUrl: string;
  /** espeak-ng for local speech: ESPEAK_PATH, else `espeak-ng` found on PATH, else none. */
  espeakPath: string | undefined;
};

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Parses configuration from an environment map. Empty strings count as unset so that
 * `FOO=` in a .env file falls back to the default instead of failing validation.
 */
export function parseConfig(env: Record<string, string | undefined>): PlumeConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map(describeIssue));
  }
  const raw = result.data;
  return {
    ...raw,
    dataDir: path.resolve(raw.PLUME_DATA_DIR),
    publicUrl: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ''),
    espeakPath: raw.ESPEAK_PATH ?? findOnPath('espeak-ng', env['PATH']),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const variable = issue.path.join('.') || '(environment)';
  return `${variable}: ${issue.message}`;
}

/** Reads the process environment: the only place in Plume that touches `process.env`. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): PlumeConfig {
  return parseConfig({ ...process.env, ...overrides });
}

/**
 * For entry points: load the configuration or print every bad variable and exit.
 */
export function loadConfigOrExit(overrides: Record<string, string | undefined> = {}): PlumeConfig {
  try {
    return loadConfig(overrides);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee docs/configuration.md for every variable.\n`);
      process.exit(78);
    }
    throw error;
  }
}
