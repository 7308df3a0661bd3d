/**
 * The fake Bot Framework connector of the tests (test/support/teams/fake-connector.ts) in
 * a process of its own for bench:teams, answering which messages got their cards
 * (bench/fake-cards.ts). A message's customer card is the bot's reply to it in the
 * customer's chat; its agent card is a post in the desk channel; both carry the case id in
 * their actions' data.
 */
import { DESK_CHANNEL, TEAMS_CUSTOMER } from '../test/support/teams/activities.js';
import { startFakeConnector, type ConnectorCall } from '../test/support/teams/fake-connector.js';
import { serveCardQueries, type Sighting } from './fake-cards.js';
import { serveParent } from './ipc.js';
import { START_FAKE } from './protocol.js';

/** Every `data.caseId` of the card's actions, in order. */
const caseIds = (node: unknown, found: string[] = []): string[] => {
  if (Array.isArray(node)) node.forEach((item) => caseIds(item, found));
  else if (node && typeof node === 'object') {
    const { data } = node as { data?: { caseId?: unknown } };
    if (typeof data?.caseId === 'string' && !found.includes(data.caseId)) found.push(data.caseId);
    Object.values(node).forEach((value) => caseIds(value, found));
  }
  return found;
};

const sighting = (call: ConnectorCall): Sighting => {
  if (call.method !== 'POST' || call.status !== 200) return {};
  const ids = caseIds(call.body.attachments);
  if (call.conversationId === DESK_CHANNEL)
    return { agent: { refs: ids, ...(ids[0] ? { caseId: ids[0] } : {}) } };
  const [ref] = ids;
  if (!ref || !call.activityId) return {};
  return {
    customer: { key: { conversation: call.conversationId, message: call.activityId }, ref },
  };
};

let connector: Awaited<ReturnType<typeof startFakeConnector>> | undefined;
let queries: { stop(): void } | undefined;
serveParent(
  (rpc) =>
    rpc.handle(START_FAKE, async () => {
      connector = await startFakeConnector();
      // The app looks the customer up in the roster to know who is writing.
      connector.addMember(TEAMS_CUSTOMER.id, {
        email: TEAMS_CUSTOMER.email,
        name: TEAMS_CUSTOMER.name,
      });
      queries = serveCardQueries(rpc, connector.calls, sighting, (call) => call.method);
      return { url: connector.url };
    }),
  async () => {
    queries?.stop();
    await connector?.close();
  },
);
