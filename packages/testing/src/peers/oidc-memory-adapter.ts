/**
 * Storage for one loopback oidc-provider: plain Maps that live as long as the server. Unlike
 * oidc-provider's bundled dev adapter it never evicts entries early and keeps servers apart, and
 * it does not print the "in-memory adapter" warning on every start.
 * Interface: https://github.com/panva/node-oidc-provider/blob/main/example/my_adapter.js
 */
import type { AdapterPayload, OidcAdapter } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Epoch ms, or undefined when the entry does not expire. */
  expiresAt: number | undefined;
}

/** Returns the `adapter` factory for a provider's configuration; every model gets its own Map. */
export function createMapAdapter(): (model: string) => OidcAdapter {
  const models = new Map<string, Map<string, Entry>>();
  /** grantId → [model, id] of every token issued under that grant. */
  const grants = new Map<string, Array<[string, string]>>();
  const sessionsByUid = new Map<string, string>();
  const byUserCode = new Map<string, string>();

  const store = (model: string): Map<string, Entry> => {
    let entries = models.get(model);
    if (entries === undefined) {
      entries = new Map();
      models.set(model, entries);
    }
    return entries;
  };
  const live = (model: string, id: string | undefined): AdapterPayload | undefined => {
    if (id === undefined) return undefined;
    const entry = store(model).get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      store(model).delete(id);
      return undefined;
    }
    return entry.payload;
  };

  return (model) => ({
    upsert: async (id, payload, expiresIn) => {
      store(model).set(id, {
        payload,
        expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : undefined,
      });
      if (model === 'Session' && typeof payload.uid === 'string') sessionsByUid.set(payload.uid, id);
      if (typeof payload.userCode === 'string') byUserCode.set(payload.userCode, id);
      if (typeof payload.grantId === 'string') {
        const members = grants.get(payload.grantId) ?? [];
        members.push([model, id]);
        grants.set(payload.grantId, members);
      }
    },
    find: async (id) => live(model, id),
    findByUid: async (uid) => live(model, sessionsByUid.get(uid)),
    findByUserCode: async (userCode) => live(model, byUserCode.get(userCode)),
    consume: async (id) => {
      const payload = live(model, id);
      if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
    },
    destroy: async (id) => {
      store(model).delete(id);
    },
    revokeByGrantId: async (grantId) => {
      for (const [memberModel, id] of grants.get(grantId) ?? []) store(memberModel).delete(id);
      grants.delete(grantId);
    },
  });
}
