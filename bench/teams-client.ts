/**
 * What Teams sends in bench:teams, built in the load generator's process (Bot Framework
 * activities; the app runs without an app id, so unauthenticated): customers' messages,
 * each in a personal chat of its own so each opens a case; agents' messages in their desk
 * channel, which the app acknowledges at once and then handles (a whole turn, ignored as
 * staff chatter outside a case thread); and "Claim" presses on the cases' cards.
 */
import { randomBytes } from 'node:crypto';
import {
  botAddedToChannel,
  cardAction,
  DESK_CHANNEL,
  messageActivity,
  TEAMS_AGENT,
  TEAMS_CUSTOMER,
} from '../test/support/teams/activities.js';
import type { Driver, HttpRequest } from './load.js';

const json = (activity: object): HttpRequest => ({
  body: JSON.stringify(activity),
  headers: { 'content-type': 'application/json' },
});

const desk = { id: DESK_CHANNEL, conversationType: 'channel' } as const;

export const teamsClient = (serviceUrl: string): Driver => {
  const run = randomBytes(3).toString('hex');
  let chats = 0;
  let said = 0;
  return {
    path: '/api/messages',
    // Teams says so when the bot joins a team; the desk channel's reference comes with it.
    prepare: async (send) => {
      const status = await send(json(botAddedToChannel(serviceUrl, DESK_CHANNEL)));
      if (status !== 200) throw new Error(`the bot's joining the desk channel answered ${status}`);
    },
    intake: () => {
      const n = (chats += 1);
      const conversation = { id: `a:bench-${run}-${n}`, conversationType: 'personal' } as const;
      const text = `Till ${n} prints blank receipts`;
      const activity = messageActivity(serviceUrl, { from: TEAMS_CUSTOMER, conversation, text });
      return {
        key: { conversation: conversation.id, message: activity.id },
        request: json(activity),
      };
    },
    acks: (_caseIds, count) =>
      Array.from({ length: count }, () =>
        json(
          messageActivity(serviceUrl, {
            from: TEAMS_AGENT,
            conversation: desk,
            text: `Standup note ${(said += 1)}: looking at the till cases`,
          }),
        ),
      ),
    // Each claims or re-presses one of the cases: the answer carries the refreshed card, so
    // it includes the use case and its database write.
    invokes: (caseIds, count) =>
      Array.from({ length: count }, (_, i) =>
        json(
          cardAction(serviceUrl, {
            from: TEAMS_AGENT,
            conversation: desk,
            verb: 'claim',
            data: { caseId: caseIds[i % caseIds.length]! },
          }),
        ),
      ),
  };
};
