/**
 * Business Profile reads: the accounts of a login (Account Management API) and their locations
 * (Business Information API), each location an identity Plume can post as.
 *
 * Docs: https://developers.google.com/my-business/reference/accountmanagement/rest/v1/accounts/list,
 * https://developers.google.com/my-business/reference/businessinformation/rest/v1/accounts.locations/list
 */
import { z } from 'zod';
import type { ConnectedIdentity, NetworkContext, TokenSet } from '../contract.ts';
import { bearer } from '../shared/oauth2.ts';
import { googleJson } from '../youtube/google-call.ts';
import { requireEndpoint } from '../youtube/google-oauth.ts';
import { googleBusinessVocabulary } from './errors.ts';

/** The fields Plume reads of a location. */
export const LOCATION_READ_MASK = 'name,title,storefrontAddress';
/** Enough pages for thousands of locations, but never an endless loop. */
const MAX_PAGES = 20;

const accountSchema = z.looseObject({ name: z.string().startsWith('accounts/'), accountName: z.string().optional() });
const accountsPage = z.looseObject({
  accounts: z.array(accountSchema).default([]),
  nextPageToken: z.string().optional(),
});

export const locationSchema = z.looseObject({
  name: z.string().startsWith('locations/'),
  title: z.string().default(''),
  storefrontAddress: z
    .looseObject({ locality: z.string().optional(), addressLines: z.array(z.string()).optional() })
    .optional(),
});
const locationsPage = z.looseObject({
  locations: z.array(locationSchema).default([]),
  nextPageToken: z.string().optional(),
});

export type BusinessLocation = z.infer<typeof locationSchema>;

/** Reads a Business Profile API; GETs only, so an unreadable answer is Retryable. */
export async function readGoogleBusiness<S extends z.ZodType>(
  context: NetworkContext,
  tokens: TokenSet,
  url: URL,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  return googleJson(
    context.http,
    url,
    { method: 'GET', headers: bearer(tokens) },
    { schema, what, now: context.now(), vocabulary: googleBusinessVocabulary },
  );
}

/** Every account the login can act for (personal, location groups, organizations). */
export async function listAccounts(
  context: NetworkContext,
  tokens: TokenSet,
): Promise<z.infer<typeof accountSchema>[]> {
  const base = new URL(`${requireEndpoint(context, 'accounts')}/accounts`);
  base.searchParams.set('pageSize', '20');
  return collectPages(
    base,
    (url) => readGoogleBusiness(context, tokens, url, accountsPage, 'list your Business Profile accounts'),
    (page) => page.accounts,
  );
}

/** The locations of one account, with the fields of `LOCATION_READ_MASK`. */
export async function listLocations(
  context: NetworkContext,
  tokens: TokenSet,
  account: string,
): Promise<BusinessLocation[]> {
  const base = new URL(`${requireEndpoint(context, 'businessInformation')}/${account}/locations`);
  base.searchParams.set('readMask', LOCATION_READ_MASK);
  base.searchParams.set('pageSize', '100');
  return collectPages(
    base,
    (url) => readGoogleBusiness(context, tokens, url, locationsPage, 'list your Business Profile locations'),
    (page) => page.locations,
  );
}

/** A location as an identity; posting needs both the account and the location, kept in metadata. */
export function locationIdentity(account: string, location: BusinessLocation): ConnectedIdentity {
  const place = location.storefrontAddress?.locality;
  const title = location.title.length > 0 ? location.title : location.name;
  return {
    externalId: location.name,
    handle: title,
    displayName: place === undefined ? title : `${title} (${place})`,
    kind: 'location',
    metadata: { account, location: location.name },
  };
}

async function collectPages<P extends { nextPageToken?: string | undefined }, T>(
  base: URL,
  fetchPage: (url: URL) => Promise<P>,
  items: (page: P) => T[],
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const url = new URL(base);
    if (token !== undefined) url.searchParams.set('pageToken', token);
    const answer = await fetchPage(url);
    all.push(...items(answer));
    token = answer.nextPageToken;
    if (token === undefined || token.length === 0) break;
  }
  return all;
}
