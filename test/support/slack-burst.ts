/**
 * A burst of customers' messages delivered to an app process as Slack delivers them, and
 * what became of each: how many cases each opened, and how many customer and agent cards
 * the fake Slack API saw for each case.
 */
import { acknowledged, commentsOn, type CaseSeen, type MessageOutcome } from './burst.js';
import type { DatabaseView, Delivery } from './deliveries.js';
import { deliverToSlack } from './deliveries.js';
import type { FakeSlackApi } from './slack/fake-slack-api.js';
import { messageEvent } from './slack/payloads.js';

export interface BurstMessage {
  readonly index: number;
  readonly channel: string;
  readonly ts: string;
  readonly event: ReturnType<typeof messageEvent>;
  /** Every answer this event got, first delivery first. */
  readonly answers: Delivery[];
}

/** One DM per message: messages of one person in one conversation would join one case. */
export const burstOfMessages = (label: string, count: number): BurstMessage[] =>
  Array.from({ length: count }, (_, index) => {
    const channel = `D0${label}${String(index).padStart(5, '0')}`;
    const event = messageEvent({
      text: `Ledger export fails, report ${label}-${index}`,
      channel,
      channelType: 'im',
    });
    return { index, channel, ts: (event.event as { ts: string }).ts, event, answers: [] };
  });

/** Delivers (or redelivers, with `X-Slack-Retry-Num`) one message and records the answer. */
export const deliver = async (
  appUrl: string,
  message: BurstMessage,
  retryNum?: number,
): Promise<Delivery> => {
  const answer = await deliverToSlack(
    appUrl,
    'event',
    message.event,
    retryNum === undefined ? {} : { retryNum },
  );
  message.answers.push(answer);
  return answer;
};

/**
 * As Slack does for an event it got no 200 for: redelivered with the same event_id and
 * the next retry number, at most three times.
 */
export const redeliverUnacknowledged = async (
  appUrl: string,
  messages: readonly BurstMessage[],
): Promise<void> => {
  for (let retry = 1; retry <= 3; retry += 1) {
    for (const message of messages.filter((m) => !acknowledged(m)))
      await deliver(appUrl, message, retry);
  }
};

/** Cases per message in the database, and the cards the fake saw for each case. */
export const outcomesOf = async (
  view: DatabaseView,
  fake: FakeSlackApi,
  messages: readonly BurstMessage[],
): Promise<MessageOutcome[]> => {
  const cases = await view.db
    .collection<CaseSeen>('cases')
    .find(
      { 'origin.address': { $in: messages.map((m) => `slack:${m.channel}`) } },
      { projection: { number: 1, origin: 1, 'events.type': 1 } },
    )
    .toArray();
  const posts = fake.callsTo('chat.postMessage').filter((call) => call.status === 200);
  return messages.map((message) => {
    const opened = cases.filter(
      (c) => c.origin.address === `slack:${message.channel}` && c.origin.messageId === message.ts,
    );
    const numbers = opened.map((c) => c.number);
    const mentions = (text: unknown) => numbers.some((n) => String(text).includes(n));
    return {
      index: message.index,
      cases: opened.length,
      customerCards: posts.filter(
        (p) => p.args.channel === message.channel && p.args.thread_ts === message.ts,
      ).length,
      agentCards: posts.filter((p) => p.args.channel !== message.channel && mentions(p.args.text))
        .length,
      comments: commentsOn(opened),
    };
  });
};
