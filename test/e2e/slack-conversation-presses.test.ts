/**
 * The buttons on Slack's answers to a message, pressed over HTTP as `block_actions` with
 * the button's own action_id and value from the ephemeral: "This is a separate request",
 * "Reopen CASE-…" within the reopen window, and "Open a new case" after it. The ephemeral
 * is replaced through its response_url with what happened.
 */
import type { CaseState } from '../../src/domain/case/types.js';
import { MESSAGES, OPENING_REQUEST } from '../support/conversation-table.js';
import { moveToStage } from '../support/conversation-stage.js';
import { eventually, useSlackE2E } from '../support/slack/e2e.js';
import type { RecordedCall } from '../support/slack/fake-slack-api.js';
import { blockActions, messageEvent, SLACK_CUSTOMER } from '../support/slack/payloads.js';

/** Anna's colleague at Northwind (examples/contacts.csv): sees her cases, wrote nothing. */
const FELIX = { user: 'U04FBAUER1', userName: 'felix.bauer', team: SLACK_CUSTOMER.teamId };
const ANNA = { user: SLACK_CUSTOMER.userId, team: SLACK_CUSTOMER.teamId };

describe('Slack: the buttons on an answer to a message', () => {
  const e2e = useSlackE2E();
  const caseCount = () => e2e.caseCount();
  const stored = async (id: string) => (await e2e.app.core.cases.findById(id))!;

  /** The customer writes `text` in `channel`; resolves with the ephemeral they were shown. */
  const write = async (channel: string, text: string, threadTs?: string) => {
    const since = e2e.fake.calls.length;
    const event = messageEvent({
      text,
      channel,
      channelType: 'im',
      ...(threadTs ? { threadTs } : {}),
    });
    await e2e.post('event', event);
    await eventually(async () => {
      const entry = await e2e.app.core.connection
        .collection('inbox')
        .findOne({ _id: `slack:event:${event.event_id}` as never });
      return entry?.state === 'done' ? entry : undefined;
    }, 10_000);
    const told = e2e.fake.calls
      .slice(since)
      .filter((c) => c.method === 'chat.postEphemeral' && c.args.user === ANNA.user);
    expect(told).toHaveLength(1);
    return { ts: (event.event as { ts: string }).ts, channel, buttons: buttonsOf(told[0]!) };
  };
  type Written = Awaited<ReturnType<typeof write>>;

  const buttonsOf = (call: RecordedCall) =>
    (
      (call.args.blocks as {
        type: string;
        elements?: { text: { text: string }; action_id: string; value: string }[];
      }[]) ?? []
    )
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .map((e) => ({ label: e.text.text, actionId: e.action_id, value: e.value }));

  /** Presses the ephemeral's button `label`; resolves with what replaced the ephemeral. */
  const press = async (
    written: Written,
    label: string,
    who: { user: string; team: string } = ANNA,
  ) => {
    const button = written.buttons.find((b) => b.label.startsWith(label));
    if (!button) throw new Error(`no ${label} on the ephemeral`);
    const responseUrl = e2e.fake.responseUrl();
    const path = new URL(responseUrl).pathname;
    const pressed = await e2e.post(
      'interaction',
      blockActions({
        actionId: button.actionId,
        value: button.value,
        channel: written.channel,
        responseUrl,
        ...who,
      }),
    );
    expect(pressed.status).toBe(200);
    const replaced = await e2e.fake.waitFor('response_url', (c) => c.path === path);
    expect(replaced.args.replace_original).toBe(true);
    return String(replaced.args.text);
  };

  const movedFrom = async (from: CaseState): Promise<CaseState> => {
    const moved = (await stored(from.id)).events.find((e) => e.type === 'message-moved');
    expect(moved).toBeDefined();
    return stored(String(moved!.data?.toCaseId));
  };

  it('"This is a separate request" splits the follow-up into its own case, once, and only for its writer', async () => {
    const opened = await e2e.openByMessage(OPENING_REQUEST);
    const followUp = await write(opened.channel, MESSAGES['follow-up']);
    const before = await caseCount();

    expect(await press(followUp, 'This is a separate request', FELIX)).toContain(
      'Only the person who wrote the message can move it',
    );
    expect(await caseCount()).toBe(before);

    const told = await press(followUp, 'This is a separate request');
    expect(await caseCount()).toBe(before + 1);
    const created = await movedFrom(opened.case);
    expect(told).toBe(
      `Opened ${created.number} for this message; it is no longer part of ${opened.case.number}.`,
    );
    expect(created.description).toBe(MESSAGES['follow-up']);
    // Where the customer wrote it: the new card is threaded under the follow-up.
    await e2e.fake.waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === opened.channel &&
        c.args.thread_ts === followUp.ts &&
        JSON.stringify(c.args.blocks ?? '').includes(created.number),
    );
    const old = await stored(opened.case.id);
    expect(old.events.some((e) => e.type === 'commented' && e.text === MESSAGES['follow-up'])).toBe(
      true,
    );

    expect(await press(followUp, 'This is a separate request')).toBe(told);
    expect(await press(followUp, 'This is a separate request', FELIX)).toContain(
      'Only the person who wrote the message can move it',
    );
    expect(await caseCount()).toBe(before + 1);
    expect(
      (await stored(opened.case.id)).events.filter((e) => e.type === 'message-moved'),
    ).toHaveLength(1);
  });

  it('"Reopen CASE-…" on a case closed within the window opens it again', async () => {
    const opened = await e2e.openByMessage(OPENING_REQUEST);
    await moveToStage(e2e.app.core, opened.case.id, 'closed');
    const written = await write(opened.channel, MESSAGES['follow-up'], opened.ts);
    expect(written.buttons.map((b) => b.label)).toEqual([
      `Reopen ${opened.case.number}`,
      'Open a new case',
    ]);
    const before = await caseCount();
    expect(await press(written, 'Reopen')).toBe(
      `Reopened ${opened.case.number}: the team picks it up again.`,
    );
    expect((await stored(opened.case.id)).statusCategory).toBe('open');
    expect(await caseCount()).toBe(before);
  });

  it('"Open a new case" on a case closed long ago opens one that refers to it', async () => {
    const opened = await e2e.openByMessage(OPENING_REQUEST);
    await moveToStage(e2e.app.core, opened.case.id, 'closed-long-ago');
    const written = await write(opened.channel, MESSAGES['follow-up'], opened.ts);
    expect(written.buttons.map((b) => b.label)).toEqual(['Open a new case']);
    const before = await caseCount();
    const told = await press(written, 'Open a new case');
    expect(await caseCount()).toBe(before + 1);
    const created = await movedFrom(opened.case);
    expect(told).toBe(`Opened ${created.number}, which refers to ${opened.case.number}.`);
    expect(created.description).toBe(MESSAGES['follow-up']);
    expect(created.events.find((e) => e.type === 'opened')?.data?.relatedTo).toBe(
      opened.case.number,
    );
    expect((await stored(opened.case.id)).statusCategory).toBe('closed');
  });
});
