/**
 * The fake Slack Web API of the tests (test/support/slack/fake-slack-api.ts) in a process
 * of its own for bench:slack, answering which messages got their cards (bench/fake-cards.ts).
 * A message's customer card is the first post with blocks in its DM thread, and opens with
 * the case number; its agent card is the post in the triage channel naming that number,
 * whose Claim button carries the case id.
 */
import { ACTIONS } from '../adapters/slack/registry.js';
import { startFakeSlackApi, type RecordedCall } from '../test/support/slack/fake-slack-api.js';
import { serveCardQueries, type Sighting } from './fake-cards.js';
import { serveParent } from './ipc.js';
import { START_FAKE } from './protocol.js';
import { TRIAGE } from './slack-client.js';

// The case number's prefix comes from the config. \b: CASE-1001 is not CASE-10010.
const NUMBER = /\b[A-Z][A-Z0-9]*-\d+\b/g;

/** The case id a Claim button carries, anywhere in the blocks. */
const claimValue = (node: unknown): string | undefined => {
  if (Array.isArray(node)) return node.map(claimValue).find(Boolean);
  if (!node || typeof node !== 'object') return undefined;
  const { action_id, value } = node as Record<string, unknown>;
  if (action_id === ACTIONS.claim && typeof value === 'string') return value;
  return Object.values(node).map(claimValue).find(Boolean);
};

const sighting = ({ method, status, args }: RecordedCall): Sighting => {
  if (method !== 'chat.postMessage' || status !== 200) return {};
  const text = String(args.text ?? '');
  const numbers = [...text.matchAll(NUMBER)].map((m) => m[0]);
  if (args.channel === TRIAGE) {
    const caseId = claimValue(args.blocks);
    return { agent: { refs: numbers, ...(caseId ? { caseId } : {}) } };
  }
  const [ref] = numbers;
  const inThread = typeof args.thread_ts === 'string' && typeof args.channel === 'string';
  if (!inThread || !ref || !Array.isArray(args.blocks)) return {};
  const key = { conversation: String(args.channel), message: String(args.thread_ts) };
  return { customer: { key, ref } };
};

let fake: Awaited<ReturnType<typeof startFakeSlackApi>> | undefined;
let queries: { stop(): void } | undefined;
serveParent(
  (rpc) =>
    rpc.handle(START_FAKE, async () => {
      fake = await startFakeSlackApi();
      queries = serveCardQueries(rpc, fake.calls, sighting, (call) => call.method);
      return { url: fake.url };
    }),
  async () => {
    queries?.stop();
    await fake?.close();
  },
);
