/**
 * Load helpers for bench/slack.ts: signed requests built once and replayed against two
 * targets, a keep-alive HTTP client, the bare baseline server, intake of a customer
 * message followed until both of its cards are posted to the fake Slack API, and waiting
 * for the work behind the acks to end.
 */
import { randomBytes } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ACTIONS } from '../adapters/slack/registry.js';
import type { FakeSlackApi, RecordedCall } from '../test/support/slack/fake-slack-api.js';
import { messageEvent } from '../test/support/slack/payloads.js';
import {
  encodeSlackBody,
  signSlackRequest,
  type SlackRequestKind,
} from '../test/support/slack/signed-request.js';

export interface SignedRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** Signed now: a round's requests are built just before it, well inside Slack's 5 minutes. */
export const signed = (secret: string, kind: SlackRequestKind, payload: object): SignedRequest => {
  const { body, contentType } = encodeSlackBody(kind, payload);
  const headers = {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    ...signSlackRequest(secret, body),
  };
  return { body, headers };
};

export type Send = (req: SignedRequest) => Promise<number>;

/**
 * node:http with keep-alive rather than fetch: less client overhead inside each measured
 * latency, and one agent per target so a target's requests never wait for another's sockets.
 */
export const client = (url: string, maxSockets: number): { send: Send; close: () => void } => {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const send: Send = (req) =>
    new Promise((resolve, reject) => {
      const outgoing = request(url, { method: 'POST', agent, headers: req.headers }, (res) => {
        res.resume(); // read the whole answer, as Slack does, before the request counts as done
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(req.body);
    });
  return { send, close: () => agent.destroy() };
};

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export interface Round {
  latencies: number[];
  failures: number;
}

/** Sends every request with `concurrency` in flight; latency is from write to last byte. */
export const runRound = async (
  requests: readonly SignedRequest[],
  send: Send,
  concurrency: number,
  into: Round,
): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const req = requests[next++]!;
        const start = performance.now();
        const status = await send(req).catch(() => 0);
        into.latencies.push(performance.now() - start);
        if (status !== 200) into.failures += 1;
      }
    }),
  );
};

/** What an ack is, and nothing more: read the whole body, answer 200 with an empty body. */
export const startBareServer = async (): Promise<{ url: string; close: () => Promise<void> }> => {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

export interface IntakeDeps {
  readonly secret: string;
  readonly send: Send;
  readonly fake: FakeSlackApi;
  /** The triage channel the routing rule for "invoice" posts agent cards to. */
  readonly triage: string;
  readonly timeoutMs: number;
}

// Per-run prefix: a DM channel id Slack could issue, unique to this message.
const run = randomBytes(2).toString('hex').toUpperCase();
let dms = 0;

export interface SentMessage {
  readonly channel: string;
  readonly ts: string;
  readonly status: number;
}

/**
 * A customer's message in a fresh DM, as the e2e test's openByMessage sends it: one case
 * each, since messages from one person in one conversation within the grouping window
 * would join the same case.
 */
export const sendMessage = async (deps: IntakeDeps, text: string): Promise<SentMessage> => {
  const channel = `D${run}${(dms += 1).toString().padStart(6, '0')}`;
  const event = messageEvent({ text, channel, channelType: 'im' });
  const ts = (event.event as { ts: string }).ts;
  return { channel, ts, status: await deps.send(signed(deps.secret, 'event', event)) };
};

// The customer card's text opens with the case number; its prefix comes from the config.
const NUMBER = /\b[A-Z][A-Z0-9]*-\d+\b/;

const customerCard = (m: SentMessage) => (c: RecordedCall) =>
  c.args.channel === m.channel &&
  c.args.thread_ts === m.ts &&
  c.status === 200 &&
  Array.isArray(c.args.blocks);
// \b: CASE-1001 must not match the card of CASE-10010.
const agentCard = (triage: string, number: string) => (c: RecordedCall) =>
  c.args.channel === triage &&
  c.status === 200 &&
  new RegExp(`${number}\\b`).test(String(c.args.text));

/** The case id the agent card's Claim button carries. */
const claimValue = (node: unknown): string | undefined => {
  if (Array.isArray(node)) return node.map(claimValue).find(Boolean);
  if (!node || typeof node !== 'object') return undefined;
  const { action_id, value } = node as Record<string, unknown>;
  if (action_id === ACTIONS.claim && typeof value === 'string') return value;
  return Object.values(node).map(claimValue).find(Boolean);
};

/**
 * Sends a message and resolves with its case id once both cards are posted. Everything is
 * read from the cards, not the database: on FerretDB a lookup by intake key is a full scan
 * whose cost grows with every case, and the benchmark must not add load of its own.
 */
export const openByMessage = async (deps: IntakeDeps, text: string): Promise<string> => {
  const sent = await sendMessage(deps, text);
  if (sent.status !== 200) throw new Error(`event answered ${sent.status}`);
  const card = await deps.fake.waitFor('chat.postMessage', customerCard(sent), deps.timeoutMs);
  const number = NUMBER.exec(String(card.args.text))?.[0];
  if (!number) throw new Error(`no case number in the customer card: ${String(card.args.text)}`);
  const agent = agentCard(deps.triage, number);
  const staff = await deps.fake.waitFor('chat.postMessage', agent, deps.timeoutMs);
  const id = claimValue(staff.args.blocks);
  if (!id) throw new Error(`no Claim button on the agent card of ${number}`);
  return id;
};

/** After the fact, from the fake's record: how many messages got which of their cards. */
export const outcomeOf = (deps: IntakeDeps, messages: readonly SentMessage[]) => {
  const posts = deps.fake.callsTo('chat.postMessage');
  let customer = 0;
  let both = 0;
  for (const m of messages) {
    const card = posts.find(customerCard(m));
    const number = card && NUMBER.exec(String(card.args.text))?.[0];
    if (!number) continue;
    customer += 1;
    if (posts.some(agentCard(deps.triage, number))) both += 1;
  }
  return { customer, both };
};

/**
 * A steady open-loop stream of intake messages at a fixed rate. It does not wait for the
 * cards: they come from the outbox, which the acked claims keep busy too (see outcomeOf).
 */
export const startIntakeStream = (deps: IntakeDeps, perSecond: number) => {
  const sent: SentMessage[] = [];
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const done: Promise<void> = sendMessage(deps, `Invoice ${sent.length} lacks its VAT line`)
      .then((m) => void sent.push(m))
      .catch(() => void sent.push({ channel: '', ts: '', status: 0 }))
      .finally(() => pending.delete(done));
    pending.add(done);
  }, 1000 / perSecond);
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      return sent;
    },
  };
};

/**
 * Waits (bounded) for `done`, then for 2 s without a new call (outbox deliveries on a
 * large FerretDB collection can be a second apart); returns seconds to the last call.
 */
export const settle = async (fake: FakeSlackApi, since: number, done: () => boolean) => {
  const limit = since + 180_000;
  while (!done() && performance.now() < limit) await sleep(250);
  let seen = -1;
  let last = performance.now();
  while (seen !== fake.calls.length && performance.now() < limit) {
    if (seen >= 0) last = performance.now();
    seen = fake.calls.length;
    await sleep(2000);
  }
  return (last - since) / 1000;
};

export const countCalls = (fake: FakeSlackApi, from: number) => {
  const counts = new Map<string, number>();
  for (const call of fake.calls.slice(from))
    counts.set(call.method, (counts.get(call.method) ?? 0) + 1);
  return [...counts].map(([method, n]) => `${method} ${n}`).join(', ');
};
