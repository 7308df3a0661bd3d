/**
 * Generated requests against `/api/messages` of one app process (Teams, unauthenticated as
 * for local use): activities of every shape, Universal Action invokes with broken values,
 * every content type and size, wrong methods. Whatever comes in, the process keeps
 * running, nothing malformed is answered 5xx, and a refused request stores nothing.
 */
import fc from 'fast-check';
import { rawRequest, request } from '../support/deliveries.js';
import { inOwnProcess, useTeamsRig } from '../support/fault-rig.js';
import {
  contentType,
  describeAnswer,
  junk,
  method,
  padded,
  padding,
  snapshot,
  storedSince,
  type Exchange,
} from '../support/inbound-fuzz.js';
import { TENANT } from '../support/teams/activities.js';

const RUNS = 300;

const rig = useTeamsRig('fuzz_teams', inOwnProcess);

/** An activity made for the request's token, shown by its label. */
type Body = (token: string) => readonly [string, string];
const activity = (label: string, make: (token: string) => unknown): Body =>
  Object.assign((token: string) => [label, JSON.stringify(make(token))] as const, {
    [fc.toStringMethod]: () => label,
  });

// Only loopback or unusable service URLs: a reply must never leave this machine.
const serviceUrl = fc.constantFrom<unknown>('connector', 'not a url', 42, undefined);
const PARTS = ['conversation', 'from', 'recipient', 'serviceUrl'] as const;

const envelope = (token: string, service: unknown, without: readonly string[] = []) => {
  const full: Record<string, unknown> = {
    id: `act-${token}`,
    channelId: 'msteams',
    serviceUrl: service === 'connector' ? rig.fake.url : service,
    timestamp: new Date().toISOString(),
    from: { id: `29:${token}`, name: token },
    recipient: { id: '28:caseline-bot', name: 'Caseline' },
    conversation: { id: `a:${token}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
  for (const part of without) delete full[part];
  return full;
};

const invokeValues = fc.oneof(
  fc.constantFrom<unknown>('a string', {}, { action: null }, { action: {} }, null),
  fc.constant({ action: { type: 'Action.Execute' } }),
  fc
    .record({ verb: junk, data: junk })
    .map((action) => ({ action: { type: 'Action.Execute', ...action } })),
  junk,
);

// Invokes of names the bot does not handle are left out: botbuilder answers those 501 Not
// Implemented, the protocol's answer to a well-formed request, not a malformed one.
const shapes = fc.oneof(
  junk.map((value) => activity('json junk', () => value)),
  fc
    .constantFrom<unknown>(null, {}, { type: '' }, [])
    .map((v) => activity(JSON.stringify(v), () => v)),
  fc
    .record({ service: serviceUrl, without: fc.subarray([...PARTS]), text: fc.option(junk) })
    .map(({ service, without, text }) =>
      activity(`message without ${without.join(', ') || 'nothing'}`, (t) => ({
        ...envelope(t, service, without),
        type: 'message',
        text: text ?? t,
      })),
    ),
  fc.record({ service: serviceUrl, value: invokeValues }).map(({ service, value }) =>
    activity(`adaptiveCard/action invoke, value ${JSON.stringify(value)}`, (t) => ({
      ...envelope(t, service),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value,
    })),
  ),
  fc.record({ members: junk, channelData: junk }).map(({ members, channelData }) =>
    activity('conversationUpdate with junk', (t) => ({
      ...envelope(t, 'not a url'),
      type: 'conversationUpdate',
      membersAdded: members,
      channelData,
    })),
  ),
  fc.string({ maxLength: 80 }).map((text) =>
    Object.assign((t: string) => ['raw text', `${text}${t}`] as const, {
      [fc.toStringMethod]: () => `raw text ${JSON.stringify(text)}`,
    }),
  ),
);

const teamsRequest = fc.record({ method, contentType, body: shapes, padding });

let runs = 0;
const exchanges: Exchange[] = [];

test(`${RUNS} generated requests to /api/messages: the process stays up, no 5xx, and what is refused stores nothing`, async () => {
  const before = await snapshot(rig.view);
  await fc.assert(
    fc.asyncProperty(teamsRequest, async (input) => {
      const token = `FZT${String((runs += 1)).padStart(4, '0')}x${Math.random().toString(36).slice(2, 8)}`;
      const [label, text] = input.body(token);
      const body = padded(text, input.padding);
      const hasBody = input.method !== 'GET' && input.method !== 'HEAD';
      const headers: Record<string, string> = input.contentType
        ? { 'content-type': input.contentType }
        : {};
      const answer = await rawRequest(
        `${rig.url}/api/messages`,
        { method: input.method, headers, ...(hasBody ? { body } : {}) },
        10_000,
      );
      const summary = `${input.method} ${input.contentType ?? '(no content type)'} ${label}, ${body.length} chars`;
      exchanges.push({ token, summary, answer });
      const outcome = {
        request: summary,
        answer: describeAnswer(answer),
        exit: rig.app.exitStatus(),
      };
      expect(outcome).toEqual({ ...outcome, exit: undefined });
      if (answer.status === undefined || answer.status >= 500)
        throw new Error(`${summary} → ${outcome.answer}`);
    }),
    // A failure can leave the process dead: shrinking against it would mislead.
    { numRuns: RUNS, endOnFailure: true },
  );
  expect((await request(`${rig.url}/healthz`)).status).toBe(200);
  expect(storedSince(before, await snapshot(rig.view), exchanges)).toEqual({
    forRefused: [],
    untraced: [],
  });
}, 300_000);

test('GET on /api/messages is 405 and names the method it takes', async () => {
  const answer = await fetch(`${rig.url}/api/messages`);
  expect([answer.status, answer.headers.get('allow')]).toEqual([405, 'POST']);
});
