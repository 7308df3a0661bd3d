/**
 * Generated requests against `/slack/events` of one app process: signed and unsigned,
 * every content type, bodies of every shape and size, wrong methods. Whatever comes in,
 * the process keeps running, nothing malformed is answered 5xx, and a refused request
 * stores nothing.
 */
import fc from 'fast-check';
import { rawRequest, request, SIGNING_SECRET } from '../support/deliveries.js';
import { inOwnProcess, useSlackRig } from '../support/fault-rig.js';
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
import { SLACK_HOME } from '../support/slack/payloads.js';
import { signSlackRequest } from '../support/slack/signed-request.js';

const RUNS = 300;

const rig = useSlackRig('fuzz_slack', inOwnProcess);

/** A body that needs the request's token: `(token) => [label, text]`, shown by its label. */
type Body = (token: string) => readonly [string, string];
const labelled = (label: string, text: (token: string) => string): Body =>
  Object.assign((token: string) => [label, text(token)] as const, {
    [fc.toStringMethod]: () => label,
  });
const json = (label: string, make: (token: string) => unknown): Body =>
  labelled(label, (token) => JSON.stringify(make(token)));
const form = (label: string, make: (token: string) => Record<string, string>): Body =>
  labelled(label, (token) => new URLSearchParams(make(token)).toString());
const payload = (label: string, make: (token: string) => unknown): Body =>
  form(`payload=${label}`, (token) => ({ payload: JSON.stringify(make(token)) }));

const envelope = (token: string, event: unknown, drop: boolean) => ({
  token: SLACK_HOME.verificationToken,
  team_id: SLACK_HOME.teamId,
  api_app_id: SLACK_HOME.appId,
  type: 'event_callback',
  event_id: `Ev${token}`,
  event_time: 1_700_000_000,
  ...(drop ? {} : { event }),
});
const user = (token: string) => ({ id: `U${token}`, team_id: SLACK_HOME.teamId });

const eventShapes = fc.oneof(
  junk.map((value) => json('json junk', () => value)),
  fc.constant(json('null', () => null)),
  junk.map((event) => json('event_callback with a junk event', (t) => envelope(t, event, false))),
  fc.constant(json('event_callback without event', (t) => envelope(t, undefined, true))),
  fc.constant(json('event_callback, event null', (t) => envelope(t, null, false))),
  fc
    .record({
      text: fc.option(fc.string(), { nil: undefined }),
      ts: fc.option(junk, { nil: undefined }),
    })
    .map(({ text, ts }) =>
      json('message event missing fields', (t) =>
        envelope(
          t,
          { type: 'message', channel: `D${t}`, text: text ?? t, ts, channel_type: 'im' },
          false,
        ),
      ),
    ),
  fc.constant(json('url_verification', (t) => ({ type: 'url_verification', challenge: t }))),
  junk.map((challenge) =>
    json('url_verification, junk challenge', () => ({ type: 'url_verification', challenge })),
  ),
  fc.string({ maxLength: 20 }).map((type) => json('unknown type', (t) => ({ type, id: t }))),
);

const interactionShapes = fc.oneof(
  fc.constant(form('payload=null', () => ({ payload: 'null' }))),
  junk.map((value) => payload('junk', () => value)),
  fc.constant(
    payload('view_submission without view', (t) => ({
      type: 'view_submission',
      user: user(t),
      team: { id: SLACK_HOME.teamId },
    })),
  ),
  junk.map((v) =>
    payload('view_submission, junk view', (t) => ({
      type: 'view_submission',
      user: user(t),
      view: v,
    })),
  ),
  junk.map((actions) =>
    payload('block_actions, junk actions', (t) => ({
      type: 'block_actions',
      user: user(t),
      actions,
      trigger_id: t,
    })),
  ),
  fc.constant(payload('shortcut without user', (t) => ({ type: 'shortcut', callback_id: t }))),
  fc.constant(
    payload('block_suggestion without view', (t) => ({
      type: 'block_suggestion',
      user: user(t),
      action_id: t,
      value: t,
    })),
  ),
  fc.constant(form('slash command without a user', (t) => ({ command: '/case', text: t }))),
  fc.constant(form('ssl_check', (t) => ({ ssl_check: '1', token: t }))),
  fc.string({ maxLength: 60 }).map((text) => form('random form field', (t) => ({ [text]: t }))),
);

const rawShapes = fc
  .oneof(
    fc.constantFrom('', '{', '[1,', '{"type":', 'payload=%7B', '\u0000\u0001'),
    fc.string({ maxLength: 80 }),
  )
  .map((text): Body => (t) => ['raw text', `${text}${t}`]);

const signing = fc.constantFrom('signed', 'signed', 'signed', 'unsigned', 'bad signature', 'stale');

const slackRequest = fc.record({
  method,
  contentType,
  signing,
  body: fc.oneof(eventShapes, interactionShapes, rawShapes),
  padding,
});

const STALE_SECONDS = 10 * 60;

let runs = 0;
const exchanges: Exchange[] = [];

test(`${RUNS} generated requests to /slack/events: the process stays up, no 5xx, and what is refused stores nothing`, async () => {
  const before = await snapshot(rig.view);
  await fc.assert(
    fc.asyncProperty(slackRequest, async (input) => {
      const token = `FZS${String((runs += 1)).padStart(4, '0')}x${Math.random().toString(36).slice(2, 8)}`;
      const [label, text] = input.body(token);
      const body = padded(text, input.padding);
      const hasBody = input.method !== 'GET' && input.method !== 'HEAD';
      const now = Math.floor(Date.now() / 1000);
      const signature =
        input.signing === 'unsigned'
          ? {}
          : signSlackRequest(
              input.signing === 'bad signature' ? `${SIGNING_SECRET}-wrong` : SIGNING_SECRET,
              hasBody ? body : '',
              input.signing === 'stale' ? now - STALE_SECONDS : now,
            );
      const headers: Record<string, string> = {
        ...(input.contentType ? { 'content-type': input.contentType } : {}),
        ...signature,
      };
      const answer = await rawRequest(
        `${rig.url}/slack/events`,
        { method: input.method, headers, ...(hasBody ? { body } : {}) },
        10_000,
      );
      const summary = `${input.method} ${input.contentType ?? '(no content type)'} ${input.signing} ${label}, ${body.length} chars`;
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

  const stored = storedSince(before, await snapshot(rig.view), exchanges);
  expect(stored).toEqual({ forRefused: [], untraced: [] });
  // The log never holds a request (bolt's routing errors carry one, headers and all): no
  // headers anywhere, and no signature value, which only a request's headers contain.
  const logged = JSON.stringify(rig.app.log());
  expect(logged).not.toMatch(/"(rawHeaders|headers)":/);
  expect(logged).not.toMatch(/v0=[0-9a-f]{64}/);
}, 300_000);

test('GET on /slack/events is 405 and names the method it takes', async () => {
  const answer = await fetch(`${rig.url}/slack/events`);
  expect([answer.status, answer.headers.get('allow')]).toEqual([405, 'POST']);
});
