import { useQuery } from '@tanstack/react-query';
import { networksQueryOptions } from './networks-query.ts';

/** `google_business` → `Google business`: only while the networks list is still loading. */
function fallbackName(id: string): string {
  const spaced = id.replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * Names networks the way their manifests do ("Bluesky", "LinkedIn", "X"), never by their ids.
 * @example const networkName = useNetworkName(); networkName(target.network) // 'Bluesky'
 */
export function useNetworkName(): (id: string) => string {
  const networks = useQuery(networksQueryOptions).data;
  return (id) => networks?.find((network) => network.id === id)?.name ?? fallbackName(id);
}
