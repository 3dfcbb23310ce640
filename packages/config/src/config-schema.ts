import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/**
 * App credentials of the networks that need a registered app (docs/networks/<id>.md says how to get
 * them). A network whose pair is unset is listed as "needs setup".
 */
export const NETWORK_CREDENTIAL_KEYS = [
  'X_CLIENT_ID',
  'X_CLIENT_SECRET',
  'LINKEDIN_CLIENT_ID',
  'LINKEDIN_CLIENT_SECRET',
  'FACEBOOK_APP_ID',
  'FACEBOOK_APP_SECRET',
  'INSTAGRAM_APP_ID',
  'INSTAGRAM_APP_SECRET',
  'THREADS_APP_ID',
  'THREADS_APP_SECRET',
  'GOOGLE_CLIENT_ID',
  'GOOGLE_CLIENT_SECRET',
  'TIKTOK_CLIENT_KEY',
  'TIKTOK_CLIENT_SECRET',
  'PINTEREST_APP_ID',
  'PINTEREST_APP_SECRET',
  'REDDIT_CLIENT_ID',
  'REDDIT_CLIENT_SECRET',
  // Not an app pair: the YouTube Data API key for reading competitors' public channels (no user token).
  'YOUTUBE_API_KEY',
] as const;

export type NetworkCredentialKey = (typeof NETWORK_CREDENTIAL_KEYS)[number];

function networkAppCredentials(): Record<NetworkCredentialKey, z.ZodOptional<z.ZodString>> {
  return Object.fromEntries(NETWORK_CREDENTIAL_KEYS.map((key) => [key, z.string().min(1).optional()])) as Record<
    NetworkCredentialKey,
    z.ZodOptional<z.ZodString>
  >;
}

/**
 * Base URL overrides per network, as JSON: `{"x":{"api":"http://127.0.0.1:4010"}}`. For self-hosted
 * gateways, regional hosts and tests against fakes.
 */
const networkEndpoints = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be JSON like {"x":{"api":"https://api.x.com"}}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.record(z.string(), z.url())));

/**
 * Every environment variable Plume reads, in one schema. `docs/configuration.md` documents each one;
 * keep the two in step.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PLUME_DATA_DIR: z.string().min(1).default('./.plume'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  PLUME_SECRET_KEY: z
    .string()
    .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes as 64 hex characters or base64')
    .optional(),
  PLUME_PREVIOUS_SECRET_KEYS: commaList.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Plume <plume@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_ALLOW_PRIVATE_HOSTS: commaList.default([]),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(16),
  WORKER_STALE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
  /** Publishing dispatcher look-ahead (docs/publishing.md): due targets are held and prepared this early; 0 turns it off. */
  PUBLISH_LOOKAHEAD_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  /** How long a snapshot run holds the posts it claimed; a crashed run's posts are due again after it. */
  /** Snapshot rows older than this are purged daily; each post's latest numbers stay on measured_posts. */
  SNAPSHOT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(400),
  ANALYTICS_CLAIM_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
  // Automation rules' limits (docs/automation.md, "Limits").
  AUTOMATION_RUNS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(200),
  AUTOMATION_ACTIONS_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  AUTOMATION_RULE_RUNS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(60),
  AUTOMATION_RULE_BURST_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  AUTOMATION_MAX_CHAIN_DEPTH: z.coerce.number().int().min(1).max(10).default(3),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  REQUIRE_EMAIL_VERIFICATION: booleanFromEnv.default(true),
  TRUST_PROXY: booleanFromEnv.default(false),
  ...networkAppCredentials(),
  NETWORK_ENDPOINTS: networkEndpoints.default({}),
  /**
   * The token networks that push inbox events (Meta) send back when their webhook is subscribed
   * (`hub.verify_token`); unset, Plume refuses every subscription handshake.
   */
  INBOX_WEBHOOK_VERIFY_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** The local model server tried first; its host is allowed past the SSRF guard. */
  OLLAMA_URL: z.url().default('http://127.0.0.1:11434'),
  /** Instance-wide cloud keys (workspaces can add their own on the Models page). */
  OPENAI_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  GROQ_API_KEY: z.string().min(1).optional(),
  PERPLEXITY_API_KEY: z.string().min(1).optional(),
  LLAMA_API_KEY: z.string().min(1).optional(),
  /** Media providers (docs/media.md): cloud keys (OPENAI_API_KEY serves images and speech too) and local servers. */
  STABILITY_API_KEY: z.string().min(1).optional(),
  GOOGLE_AI_API_KEY: z.string().min(1).optional(),
  SD_WEBUI_URL: z.url().optional(),
  COMFYUI_URL: z.url().optional(),
  OPENAI_COMPATIBLE_IMAGE_URL: z.url().optional(),
  SPEECH_URL: z.url().optional(),
  ESPEAK_PATH: z.string().min(1).optional(),
  /** How long identical model requests are answered from the cache; 0 turns the cache off. */
  LLM_CACHE_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .default(86_400),
});

export type RawConfig = z.infer<typeof configSchema>;
