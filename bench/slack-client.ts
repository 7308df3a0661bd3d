/**
 * What Slack sends in bench:slack, built in the load generator's process: customers'
 * messages as Events API deliveries (signed `event_callback` message events, each in a
 * fresh DM and with an `event_id` of its own, so each opens a case and none is a
 * redelivery) and agents' signed "Claim" clicks on the cases intake opened.
 */
import { randomBytes } from 'node:crypto';
import { ACTIONS } from '../adapters/slack/registry.js';
import { blockActions, messageEvent } from '../test/support/slack/payloads.js';
import {
  encodeSlackBody,
  signSlackRequest,
  type SlackRequestKind,
} from '../test/support/slack/signed-request.js';
import type { Driver, HttpRequest } from './load.js';

/** erp-finance's triage channel: the example config routes "invoice" there. */
export const TRIAGE = 'C06ERPFIN1';
const AGENTS = ['U06PRAMAN1', 'U06LVOGT01', 'U06THERR01'];

/** Signed now: a round's requests are built just before it, well inside Slack's 5 minutes. */
const signed = (secret: string, kind: SlackRequestKind, payload: object): HttpRequest => {
  const { body, contentType } = encodeSlackBody(kind, payload);
  return { body, headers: { 'content-type': contentType, ...signSlackRequest(secret, body) } };
};

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

export const slackClient = (signingSecret: string): Driver => {
  // Per run: DM channel ids and event ids Slack could issue, unique to each message.
  const run = randomBytes(3).toString('hex').toUpperCase();
  let messages = 0;
  return {
    path: '/slack/events',
    prepare: async () => undefined,
    intake: (phase) => {
      const n = (messages += 1);
      const channel = `D${run}${String(n).padStart(6, '0')}`;
      const event = messageEvent({
        text:
          phase === 'measured'
            ? `Invoice ${n} export fails at month-end`
            : `Invoice ${n} lacks its VAT line`,
        channel,
        channelType: 'im',
        eventId: `Ev${run}${String(n).padStart(6, '0')}`,
      });
      const key = { conversation: channel, message: event.event.ts };
      return { key, request: signed(signingSecret, 'event', event) };
    },
    // The first click on each case claims it (its cards update through the outbox); the
    // rest are refusals or double clicks.
    acks: (caseIds, count) =>
      Array.from({ length: count }, () =>
        signed(
          signingSecret,
          'interaction',
          blockActions({
            actionId: ACTIONS.claim,
            value: pick(caseIds),
            channel: TRIAGE,
            user: pick(AGENTS),
          }),
        ),
      ),
  };
};
