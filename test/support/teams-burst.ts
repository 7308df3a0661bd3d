/**
 * A burst of customers' Teams messages delivered to an app process as the connector
 * delivers them (redelivered with the same activity id), and what became of each: how
 * many cases each opened, and how many cards the fake connector saw for each case.
 */
import { commentsOn, type CaseSeen, type MessageOutcome } from './burst.js';
import { deliverToTeams, type DatabaseView, type Delivery } from './deliveries.js';
import { eventually } from './eventually.js';
import {
  botAddedToChannel,
  DESK_CHANNEL,
  messageActivity,
  TEAMS_CUSTOMER,
} from './teams/activities.js';
import type { FakeConnector } from './teams/fake-connector.js';

export interface TeamsBurstMessage {
  readonly index: number;
  readonly conversationId: string;
  readonly activity: ReturnType<typeof messageActivity>;
  readonly answers: Delivery[];
}

/** One personal chat per message: one person's messages in one chat would join one case. */
export const burstOfActivities = (
  serviceUrl: string,
  label: string,
  count: number,
): TeamsBurstMessage[] =>
  Array.from({ length: count }, (_, index) => {
    const conversation = { id: `a:${label}-${index}`, conversationType: 'personal' as const };
    const activity = messageActivity(serviceUrl, {
      from: TEAMS_CUSTOMER,
      conversation,
      text: `Till closing report is empty, ${label}-${index}`,
    });
    return { index, conversationId: conversation.id, activity, answers: [] };
  });

export const deliverActivity = async (
  appUrl: string,
  message: TeamsBurstMessage,
): Promise<Delivery> => {
  const answer = await deliverToTeams(appUrl, message.activity);
  message.answers.push(answer);
  return answer;
};

/** The bot joins the desk channel (as Teams tells it), and the customer is on the roster. */
export const joinDesk = async (
  appUrl: string,
  connector: FakeConnector,
  view: DatabaseView,
): Promise<void> => {
  connector.addMember(TEAMS_CUSTOMER.id, {
    email: TEAMS_CUSTOMER.email,
    name: TEAMS_CUSTOMER.name,
  });
  const joined = await deliverToTeams(appUrl, botAddedToChannel(connector.url, DESK_CHANNEL));
  if (joined.status !== 200) throw new Error(`joining the desk channel: ${JSON.stringify(joined)}`);
  // Acknowledged before it is handled: wait until the channel is known.
  const refs = view.db.collection<{ _id: string }>('teamsConversations');
  await eventually(
    async () => (await refs.findOne({ _id: `ref|${DESK_CHANNEL}` })) ?? undefined,
    20_000,
    {
      what: 'the desk channel to be known',
    },
  );
};

export const teamsOutcomesOf = async (
  view: DatabaseView,
  connector: FakeConnector,
  messages: readonly TeamsBurstMessage[],
): Promise<MessageOutcome[]> => {
  const cases = await view.db
    .collection<CaseSeen>('cases')
    .find(
      { 'origin.address': { $in: messages.map((m) => `teams:${m.conversationId}`) } },
      { projection: { number: 1, origin: 1, 'events.type': 1 } },
    )
    .toArray();
  const posts = connector.writes((call) => call.method === 'POST');
  return messages.map((message) => {
    const opened = cases.filter(
      (c) =>
        c.origin.address === `teams:${message.conversationId}` &&
        c.origin.messageId === message.activity.id,
    );
    const numbers = opened.map((c) => c.number);
    return {
      index: message.index,
      cases: opened.length,
      customerCards: posts.filter(
        (p) => p.conversationId === message.conversationId && p.activityId === message.activity.id,
      ).length,
      agentCards: posts.filter(
        (p) =>
          p.conversationId === DESK_CHANNEL &&
          numbers.some((n) => JSON.stringify(p.body).includes(n)),
      ).length,
      comments: commentsOn(opened),
    };
  });
};
