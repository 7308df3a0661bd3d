/**
 * What the inbound fuzz tests share: request envelopes (method, content type, size) around
 * a body the platform's generator makes, a run that records every answer, and the check
 * that nothing was stored for a refused request. Every request carries a token of its own
 * in each identifier it has, so whatever it stored can be traced back to it.
 */
import fc from 'fast-check';
import type { DatabaseView, Delivery } from './deliveries.js';

export const METHODS = ['POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'HEAD'] as const;
export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data',
  'application/xml',
  undefined,
] as const;

/** Mostly POST; the other methods now and then. */
export const method = fc.oneof(
  { weight: 6, arbitrary: fc.constant('POST') },
  { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
);
export const contentType = fc.constantFrom(...CONTENT_TYPES);
/** Extra characters appended to a body: mostly none, sometimes past the 1 MiB limit. */
export const padding = fc.oneof(
  { weight: 8, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 20_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1024 * 1024, max: 1024 * 1024 + 4096 }) },
);
/** Any JSON-ish value, small. */
export const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 40 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.object({ maxDepth: 2, maxKeys: 5 }),
);

/** A body text with `padding` characters added where they keep its kind (JSON stays JSON). */
export const padded = (body: string, extra: number): string => {
  if (extra === 0) return body;
  const fill = 'x'.repeat(extra);
  if (body.startsWith('{') && body.endsWith('}'))
    return body === '{}' ? `{"pad":"${fill}"}` : `${body.slice(0, -1)},"pad":"${fill}"}`;
  return `${body}${fill}`;
};

export interface Exchange {
  readonly token: string;
  readonly summary: string;
  readonly answer: Delivery;
}

export const refused = (exchange: Exchange): boolean =>
  exchange.answer.status !== undefined && exchange.answer.status >= 400;

/** Every document, by collection and id, as JSON text (for tracing tokens). */
export const snapshot = async (view: DatabaseView): Promise<Map<string, string>> => {
  const documents = new Map<string, string>();
  const collections = await view.db.listCollections({}, { nameOnly: true }).toArray();
  for (const { name } of collections) {
    for (const doc of await view.db.collection(name).find({}).toArray())
      documents.set(`${name}/${JSON.stringify(doc._id)}`, JSON.stringify(doc));
  }
  return documents;
};

// Written by the app's own schedule, whatever comes in: Agenda's jobs, and the daily
// contract-expiry notice, which runs once right after the start.
const appOwn = (key: string): boolean =>
  key.startsWith('agendaJobs/') || key.startsWith('processedEvents/"contract-notice:');

/**
 * The documents stored since `before`, with the requests they trace back to: none may be
 * a refused one's, and a document that traces back to no request at all is reported too
 * (a refused request without identifiers, such as a `null` body, can only be found so).
 */
export const storedSince = (
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  exchanges: readonly Exchange[],
): { forRefused: string[]; untraced: string[] } => {
  const forRefused: string[] = [];
  const untraced: string[] = [];
  for (const [key, text] of after) {
    if (before.has(key) || appOwn(key)) continue;
    const owners = exchanges.filter((e) => text.includes(e.token));
    if (owners.length === 0) untraced.push(`${key}: ${text.slice(0, 200)}`);
    for (const owner of owners.filter(refused))
      forRefused.push(`${key} ← ${owner.summary} → ${owner.answer.status}`);
  }
  return { forRefused, untraced };
};

export const describeAnswer = (answer: Delivery): string =>
  answer.status === undefined
    ? `no answer (${answer.error})`
    : `${answer.status} ${answer.body.slice(0, 120)}`;
