/**
 * Rich text for a Bluesky post. Links, mentions and hashtags are not parsed from the text by
 * Bluesky: the post carries `facets`, each a UTF-8 byte range plus a feature (link URI, mention DID,
 * tag). `RichText` from @atproto/api finds them the way the Bluesky app does (it needs no network);
 * mention handles are then resolved to DIDs with com.atproto.identity.resolveHandle, and a mention
 * that does not resolve stays plain text.
 * Docs: docs.bsky.app/docs/advanced-guides/post-richtext
 */
import type { RichText } from '@atproto/api';
import { z } from 'zod';
import type { NetworkContext } from '../contract.ts';
import { isProviderError } from '../provider-errors.ts';
import { xrpcQuery } from './client.ts';

export type FacetFeature =
  | { $type: 'app.bsky.richtext.facet#link'; uri: string }
  | { $type: 'app.bsky.richtext.facet#mention'; did: string }
  | { $type: 'app.bsky.richtext.facet#tag'; tag: string };

export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: FacetFeature[];
}

/** A facet as found in the text; mentions still hold the handle. */
interface FoundFacet {
  index: { byteStart: number; byteEnd: number };
  feature: { kind: 'link'; uri: string } | { kind: 'mention'; handle: string } | { kind: 'tag'; tag: string };
}

// @atproto/api is ~400 modules and ~11 MB of heap: loaded with the first Bluesky post, not at start.
let atproto: Promise<{ RichText: typeof RichText }> | null = null;

/** Loads @atproto/api now rather than with the first post (the provider's `warmUp`). */
export async function loadFacetLibrary(): Promise<void> {
  atproto ??= import('@atproto/api');
  await atproto;
}

/** Finds links, mentions and tags with their UTF-8 byte offsets. */
export async function findFacets(text: string): Promise<FoundFacet[]> {
  atproto ??= import('@atproto/api');
  const rich = new (await atproto).RichText({ text });
  rich.detectFacetsWithoutResolution();
  const found: FoundFacet[] = [];
  for (const facet of rich.facets ?? []) {
    const feature = facet.features[0] as Record<string, unknown> | undefined;
    const index = { byteStart: facet.index.byteStart, byteEnd: facet.index.byteEnd };
    if (typeof feature?.['uri'] === 'string') found.push({ index, feature: { kind: 'link', uri: feature['uri'] } });
    // Before resolution RichText puts the handle where the DID will go.
    else if (typeof feature?.['did'] === 'string')
      found.push({ index, feature: { kind: 'mention', handle: feature['did'] } });
    else if (typeof feature?.['tag'] === 'string') found.push({ index, feature: { kind: 'tag', tag: feature['tag'] } });
  }
  return found;
}

const resolvedSchema = z.looseObject({ did: z.string().startsWith('did:') });

async function resolveHandle(context: NetworkContext, base: string, handle: string): Promise<string | undefined> {
  try {
    const resolved = await xrpcQuery(context, {
      base,
      nsid: 'com.atproto.identity.resolveHandle',
      params: { handle },
      schema: resolvedSchema,
      what: `look up @${handle}`,
    });
    return resolved.did;
  } catch (error) {
    // An unknown handle (400 "Unable to resolve handle") is just text, as in the Bluesky app.
    if (isProviderError(error) && error.kind === 'permanent') return undefined;
    throw error;
  }
}

/** The facets of `text`, mentions resolved through the account's PDS. */
export async function buildFacets(context: NetworkContext, base: string, text: string): Promise<Facet[]> {
  const facets: Facet[] = [];
  const dids = new Map<string, string | undefined>();
  for (const { index, feature } of await findFacets(text)) {
    if (feature.kind === 'link')
      facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: feature.uri }] });
    else if (feature.kind === 'tag')
      facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: feature.tag }] });
    else {
      const handle = feature.handle.toLowerCase();
      if (!dids.has(handle)) dids.set(handle, await resolveHandle(context, base, handle));
      const did = dids.get(handle);
      if (did !== undefined) facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] });
    }
  }
  return facets;
}
