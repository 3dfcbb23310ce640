import type { CountMethod } from '@plume/networks/text/count-text';

/** How an account of a network is connected. */
export type ConnectKind = 'oauth' | 'oauth_per_server' | 'credentials';

/** A JSON schema as the API sends it (only the parts the web app reads). */
export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  writeOnly?: boolean;
}

/** `GET /networks` item: what a network can do and whether this server is set up for it. */
export interface Network {
  id: string;
  name: string;
  ready: boolean;
  missing: string[];
  setupGuide: string;
  docsUrl: string;
  connect: ConnectKind;
  credentialFields: JsonSchema | null;
  accountKinds: string[];
  text: {
    limit: number;
    count: CountMethod;
    required: boolean;
    titleLimit: number | null;
    titleRequired: boolean;
  };
  media: unknown;
  thread: { supported: boolean; maxParts: number };
  firstComment: boolean;
  link: boolean;
  hashtags: { recommendedMax: number };
  settings: unknown;
  rateLimits: unknown;
}
