/**
 * Who a LinkedIn login can post as: the member (OpenID Connect `/v2/userinfo`) and the organization
 * pages the member administers (`organizationAcls`, then a batch lookup of their names).
 * https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role
 */
import { z } from 'zod';
import type { ConnectedIdentity, NetworkContext, TokenSet } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';
import { bearer } from '../shared/oauth2.ts';
import { endpoint, linkedinRequest, readJson, restHeaders, restUrl } from './client.ts';

const userinfoSchema = z.looseObject({
  sub: z.string().min(1),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  picture: z.string().optional(),
});

const aclsSchema = z.looseObject({
  elements: z
    .array(z.looseObject({ organization: z.string().optional(), organizationTarget: z.string().optional() }))
    .default([]),
});

const organizationSchema = z.looseObject({
  id: z.coerce.string().optional(),
  localizedName: z.string().optional(),
  vanityName: z.string().optional(),
});

const organizationsSchema = z.looseObject({ results: z.record(z.string(), organizationSchema).default({}) });

const ORGANIZATION_PREFIX = 'urn:li:organization:';

/** The member behind the token, as `urn:li:person:<sub>`. */
export async function fetchMember(context: NetworkContext, tokens: TokenSet): Promise<ConnectedIdentity> {
  const url = `${endpoint(context, 'api')}/v2/userinfo`;
  const response = await linkedinRequest(context, url, { headers: bearer(tokens) }, 'read the member profile');
  const member = await readJson(response, userinfoSchema, 'read the member profile', 'GET');
  const urn = `urn:li:person:${member.sub}`;
  const displayName = member.name ?? ([member.given_name, member.family_name].filter(Boolean).join(' ') || member.sub);
  return {
    externalId: urn,
    handle: displayName,
    displayName,
    kind: 'profile',
    ...(member.picture === undefined ? {} : { avatarUrl: member.picture }),
    metadata: { authorUrn: urn, memberUrn: urn },
  };
}

/** The organization pages the member administers; none when the app lacks page permissions. */
export async function fetchAdministeredOrganizations(
  context: NetworkContext,
  tokens: TokenSet,
  memberUrn: string,
): Promise<ConnectedIdentity[]> {
  let ids: string[];
  try {
    const url = restUrl(context, '/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&count=100');
    const response = await linkedinRequest(
      context,
      url,
      { headers: restHeaders(tokens) },
      'list the pages you administer',
    );
    const acls = await readJson(response, aclsSchema, 'list the pages you administer', 'GET');
    ids = acls.elements
      .map((element) => element.organization ?? element.organizationTarget ?? '')
      .filter((urn) => urn.startsWith(ORGANIZATION_PREFIX))
      .map((urn) => urn.slice(ORGANIZATION_PREFIX.length));
  } catch (error) {
    // 403: the app has no Community Management access or the member declined page scopes; profile only.
    if (error instanceof Permanent) return [];
    throw error;
  }
  if (ids.length === 0) return [];
  const names = await fetchOrganizationNames(context, tokens, ids);
  return ids.map((id) => organizationIdentity(id, names.get(id), memberUrn));
}

async function fetchOrganizationNames(
  context: NetworkContext,
  tokens: TokenSet,
  ids: readonly string[],
): Promise<Map<string, z.infer<typeof organizationSchema>>> {
  // Rest.li 2.0 batch syntax: the List(...) structure itself must not be percent-encoded.
  const url = restUrl(context, `/organizations?ids=List(${ids.join(',')})`);
  try {
    const response = await linkedinRequest(context, url, { headers: restHeaders(tokens) }, 'read page names');
    const body = await readJson(response, organizationsSchema, 'read page names', 'GET');
    return new Map(Object.entries(body.results));
  } catch (error) {
    if (error instanceof Permanent) return new Map();
    throw error;
  }
}

function organizationIdentity(
  id: string,
  organization: z.infer<typeof organizationSchema> | undefined,
  memberUrn: string,
): ConnectedIdentity {
  const urn = `${ORGANIZATION_PREFIX}${id}`;
  const vanity = organization?.vanityName;
  return {
    externalId: urn,
    handle: vanity ?? id,
    displayName: organization?.localizedName ?? `LinkedIn page ${id}`,
    kind: 'organization',
    profileUrl: `https://www.linkedin.com/company/${vanity ?? id}/`,
    metadata: { authorUrn: urn, memberUrn },
  };
}

/** The numeric id of an organization URN, or undefined for a member URN. */
export function organizationIdOf(urn: string): string | undefined {
  return urn.startsWith(ORGANIZATION_PREFIX) ? urn.slice(ORGANIZATION_PREFIX.length) : undefined;
}
