/**
 * Deliveries to an app in its own process, as Slack and Teams make them, each with a
 * deadline (a killed app or a hung request must fail the delivery, never the test run),
 * and the database read back from the test's side to count what was kept.
 */
import { request as httpRequest } from 'node:http';
import { MongoClient, type Db } from 'mongodb';
import type { SlackRequestKind } from './slack/signed-request.js';
import { encodeSlackBody, signSlackRequest } from './slack/signed-request.js';

export const SIGNING_SECRET = 'fault-test-signing-secret';

/** The app's Slack settings against the fake Web API at `fakeUrl`. */
export const slackEnv = (fakeUrl: string): Record<string, string> => ({
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: 'xoxb-fault-test',
  SLACK_API_URL: fakeUrl,
});

/** What came back: a status, or why nothing did (refused connection, reset, deadline). */
export type Delivery =
  | { readonly status: number; readonly body: string }
  | { readonly status: undefined; readonly error: string };

/** One HTTP request with a client deadline; never rejects. */
export const request = async (
  url: string,
  init: RequestInit = {},
  timeoutMs = 10_000,
): Promise<Delivery> => {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: undefined, error: cause ?? (error as Error).name };
  }
};

/**
 * A request exactly as given (no content type added, any method with any body), for
 * inputs fetch will not send; never rejects.
 */
export const rawRequest = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  timeoutMs = 10_000,
): Promise<Delivery> =>
  new Promise((resolve) => {
    // A declared length always: Node sends a DELETE's body with neither a length nor
    // chunks, and the server then reads it as the start of the next request.
    const length =
      init.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(init.body)) };
    const req = httpRequest(url, {
      method: init.method,
      headers: { ...init.headers, ...length },
      timeout: timeoutMs,
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', (error) => resolve({ status: undefined, error: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error('deadline')));
    req.on('error', (error) => resolve({ status: undefined, error: error.message }));
    req.end(init.body);
  });

export interface SlackDeliveryOptions {
  /** `X-Slack-Retry-Num`, as on Slack's redeliveries of an event. */
  readonly retryNum?: number;
  readonly timeoutMs?: number;
}

/** A signed request to `/slack/events`, encoded as Slack encodes that kind. */
export const deliverToSlack = (
  appUrl: string,
  kind: SlackRequestKind,
  payload: object,
  options: SlackDeliveryOptions = {},
): Promise<Delivery> => {
  const { body, contentType } = encodeSlackBody(kind, payload);
  const headers: Record<string, string> = {
    'content-type': contentType,
    ...signSlackRequest(SIGNING_SECRET, body),
    ...(options.retryNum === undefined
      ? {}
      : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_error' }),
  };
  return request(`${appUrl}/slack/events`, { method: 'POST', headers, body }, options.timeoutMs);
};

/** An activity POSTed to `/api/messages` as the Bot Framework connector does. */
export const deliverToTeams = (
  appUrl: string,
  activity: object,
  timeoutMs?: number,
): Promise<Delivery> =>
  request(
    `${appUrl}/api/messages`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    },
    timeoutMs,
  );

/** Runs `work` over `items` with at most `limit` at a time, in order of start. */
export const inParallel = async <T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
};

/** The app's database seen from the test: a client of its own, short server selection. */
export interface DatabaseView {
  readonly db: Db;
  /** Cases opened by a chat message, by where it was written and its message id. */
  casesOpenedBy(address: string, messageId: string): Promise<number>;
  /** Every document in every collection (nothing stored ⇔ this does not change). */
  documentCount(): Promise<number>;
  close(): Promise<void>;
}

export const viewDatabase = async (uri: string): Promise<DatabaseView> => {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  const db = client.db();
  return {
    db,
    casesOpenedBy: (address, messageId) =>
      db
        .collection('cases')
        .countDocuments({ 'origin.address': address, 'origin.messageId': messageId }),
    documentCount: async () => {
      const collections = await db.listCollections({}, { nameOnly: true }).toArray();
      const counts = await Promise.all(
        collections.map((c) => db.collection(c.name).countDocuments()),
      );
      return counts.reduce((sum, n) => sum + n, 0);
    },
    close: () => client.close(),
  };
};
