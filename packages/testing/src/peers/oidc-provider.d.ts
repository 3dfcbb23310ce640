// The part of oidc-provider 9's API the loopback OAuth peer uses (the package ships no types).
// Option names follow https://github.com/panva/node-oidc-provider/blob/main/docs/README.md.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** Client registration (RFC 7591 metadata names). */
  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    id_token_signed_response_alg?: string;
    scope?: string;
  }

  /** The client as oidc-provider hands it to configuration callbacks. */
  export interface Client {
    readonly clientId: string;
    grantTypeAllowed(grantType: string): boolean;
  }

  /** What `findAccount` returns. */
  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  /** A stored artifact (token, code, session, interaction, grant) as oidc-provider hands it over. */
  export interface AdapterPayload {
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: number;
    [key: string]: unknown;
  }

  /** The storage interface oidc-provider calls, one instance per model name. */
  export interface OidcAdapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  type TtlFunction = (ctx: unknown, token: unknown, client: Client) => number;

  export interface Configuration {
    adapter?: (model: string) => OidcAdapter;
    renderError?: (ctx: KoaContext, out: Record<string, string>, error: Error) => void | Promise<void>;
    clients?: ClientMetadata[];
    findAccount?: (ctx: unknown, id: string) => Account | undefined | Promise<Account | undefined>;
    scopes?: string[];
    claims?: Record<string, string[] | null>;
    jwks?: { keys: JsonWebKey[] };
    cookies?: { keys?: string[] };
    pkce?: { required?: (ctx: unknown, client: Client) => boolean };
    issueRefreshToken?: (ctx: unknown, client: Client, source: unknown) => boolean | Promise<boolean>;
    rotateRefreshToken?: boolean | ((ctx: unknown) => boolean);
    expiresWithSession?: (ctx: unknown, source: unknown) => boolean | Promise<boolean>;
    clientBasedCORS?: (ctx: unknown, origin: string, client: Client) => boolean;
    ttl?: Partial<
      Record<
        'AccessToken' | 'AuthorizationCode' | 'Grant' | 'IdToken' | 'Interaction' | 'RefreshToken' | 'Session',
        number | TtlFunction
      >
    >;
    features?: {
      devInteractions?: { enabled: boolean };
      introspection?: {
        enabled: boolean;
        allowedPolicy?: (ctx: unknown, client: Client, token: unknown) => boolean | Promise<boolean>;
      };
      revocation?: {
        enabled: boolean;
        allowedPolicy?: (ctx: unknown, client: Client, token: unknown) => boolean | Promise<boolean>;
      };
      userinfo?: { enabled: boolean };
    };
  }

  /** The part of Koa's context a pre-route middleware needs. */
  export interface KoaContext {
    readonly method: string;
    readonly path: string;
    get(field: string): string;
    set(field: string, value: string): void;
    status: number;
    body: unknown;
    type: string;
  }

  /** A Koa application serving every endpoint under the issuer. */
  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    /** Adds a middleware that runs before oidc-provider's own routes. */
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): this;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
