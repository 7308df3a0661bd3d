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
import type { ConnectorCall, FakeConnector } from './teams/fake-connector.js';

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

/** The cases each message opened, by where it was written and its activity id. */
const casesOf = async (view: DatabaseView, messages: readonly TeamsBurstMessage[]) => {
  const cases = await view.db
    .collection<CaseSeen>('cases')
    .find(
      { 'origin.address': { $in: messages.map((m) => `teams:${m.conversationId}`) } },
      { projection: { number: 1, origin: 1, 'events.type': 1 } },
    )
    .toArray();
  return (message: TeamsBurstMessage) =>
    cases.filter(
      (c) =>
        c.origin.address === `teams:${message.conversationId}` &&
        c.origin.messageId === message.activity.id,
    );
};

/** A message's customer card (a reply to it) and agent cards (in the desk, naming its case). */
const cardPosts = (
  message: TeamsBurstMessage,
  opened: readonly CaseSeen[],
  posts: readonly ConnectorCall[],
) => {
  const numbers = opened.map((c) => c.number);
  return {
    customer: posts.filter(
      (p) => p.conversationId === message.conversationId && p.activityId === message.activity.id,
    ),
    agent: posts.filter(
      (p) =>
        p.conversationId === DESK_CHANNEL &&
        numbers.some((n) => JSON.stringify(p.body).includes(n)),
    ),
  };
};

/** Every card post the connector took for these messages. */
export const cardPostsOf = async (
  view: DatabaseView,
  connector: FakeConnector,
  messages: readonly TeamsBurstMessage[],
): Promise<ConnectorCall[]> => {
  const openedBy = await casesOf(view, messages);
  const posts = connector.writes((call) => call.method === 'POST');
  return messages.flatMap((message) => {
    const cards = cardPosts(message, openedBy(message), posts);
    return [...cards.customer, ...cards.agent];
  });
};

/** What became of each message; `counted` picks which of the connector's posts count. */
export const teamsOutcomesOf = async (
  view: DatabaseView,
  connector: FakeConnector,
  messages: readonly TeamsBurstMessage[],
  counted: (post: ConnectorCall) => boolean = () => true,
): Promise<MessageOutcome[]> => {
  const openedBy = await casesOf(view, messages);
  const posts = connector.writes((call) => call.method === 'POST' && counted(call));
  return messages.map((message) => {
    const opened = openedBy(message);
    const cards = cardPosts(message, opened, posts);
    return {
      index: message.index,
      cases: opened.length,
      customerCards: cards.customer.length,
      agentCards: cards.agent.length,
      comments: commentsOn(opened),
    };
  });
};
