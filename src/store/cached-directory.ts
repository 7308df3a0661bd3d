import type { DirectoryRepository } from '../ports/directory-repository.js';

type AsyncMethods<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<R>
    : never;
};

// Lookups that intake makes on every case; master data changes by import, rarely.
const CACHED: readonly (keyof DirectoryRepository)[] = [
  'getOrganization',
  'getContact',
  'getInstallation',
  'listContracts',
  'listQueues',
  // Automatic assignment reads the pool on every new case.
  'listAgents',
  'findQueueByKey',
  'findProductByKey',
  'findInstallationBySupportKey',
  // Every chat request resolves its sender; these would otherwise cost a query per click.
  'findAgentBySlackUser',
  'findAgentByTeamsUser',
  'findAgentByEmail',
  'findContactBySlackUser',
  'findContactByTeamsUser',
  'findContactByEmail',
  'findOrganizationBySlackTeam',
  'findOrganizationByTeamsTenant',
];

/**
 * A short-lived read-through cache over the directory, so opening a case costs the
 * counter and the insert, not six lookups. Entries live `ttlMs` (imports from the CLI
 * in another process show up within that time); `clear()` drops them at once.
 */
export const cacheDirectory = (
  inner: DirectoryRepository,
  ttlMs: number,
  now: () => number = Date.now,
): DirectoryRepository & { clear(): void } => {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  const wrapped = { ...bindAll(inner) } as AsyncMethods<DirectoryRepository> & { clear(): void };
  for (const name of CACHED) {
    const original = (inner[name] as (...args: unknown[]) => Promise<unknown>).bind(inner);
    (wrapped as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const key = `${name}:${JSON.stringify(args)}`;
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = original(...args);
      entries.set(key, { at: now(), value });
      value.catch(() => entries.delete(key));
      return value;
    };
  }
  const upsertQueues = inner.upsertQueues.bind(inner);
  wrapped.upsertQueues = async (queues) => {
    entries.clear();
    return upsertQueues(queues);
  };
  const addContact = inner.addContact.bind(inner);
  wrapped.addContact = async (contact) => {
    // A cached "no such contact" for this email or Teams user must not outlive the add.
    entries.clear();
    return addContact(contact);
  };
  wrapped.clear = () => entries.clear();
  return wrapped;
};

const bindAll = (inner: DirectoryRepository): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  let proto: object | null = inner;
  while (proto && proto !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value = (inner as unknown as Record<string, unknown>)[name];
      if (name !== 'constructor' && typeof value === 'function' && !(name in out))
        out[name] = value.bind(inner);
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return out;
};
