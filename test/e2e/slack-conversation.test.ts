import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  CONVERSATION_TABLE,
  FILE_NAME,
  MESSAGES,
  OPENING_REQUEST,
  rowName,
  type ConversationRow,
} from '../support/conversation-table.js';
import { moveToStage } from '../support/conversation-stage.js';
import { eventually, useSlackE2E } from '../support/slack/e2e.js';
import type { RecordedCall } from '../support/slack/fake-slack-api.js';
import {
  messageEvent,
  SLACK_CUSTOMER,
  slashCommand,
  slackFile,
} from '../support/slack/payloads.js';
import { exampleConfig } from '../support/test-config.js';

// Every row writes in a conversation of its own, so the grouping window of one row never
// reaches the next: the example config plus support channels for the rows.
const ROW_CHANNELS = Array.from({ length: 40 }, (_, i) => `C0CONV${String(i).padStart(4, '0')}`);
const configFile = (): string => {
  const config = exampleConfig() as {
    supportChannels: { channel: string; organization: string }[];
  };
  config.supportChannels.push(
    ...ROW_CHANNELS.map((c) => ({ channel: `slack:${c}`, organization: 'northwind-logistics' })),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'caseline-conversation-')), 'caseline.yaml');
  writeFileSync(file, stringify(config));
  return file;
};

const PLACES = { 'support channel': 'channel', DM: 'im', 'group DM': 'mpim' } as const;
type SlackPlace = keyof typeof PLACES;
let channels = 0;
let dms = 0;
let groups = 0;
const conversationIn = (place: SlackPlace): string =>
  place === 'DM'
    ? `D0CONV${String((dms += 1)).padStart(4, '0')}`
    : place === 'group DM'
      ? `G0CONV${String((groups += 1)).padStart(4, '0')}`
      : ROW_CHANNELS[channels++]!;

const buttonsOf = (call: RecordedCall): string[] =>
  ((call.args.blocks as { type: string; elements?: { text: { text: string } }[] }[]) ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => e.text.text);

const plainTextOf = (call: RecordedCall): string =>
  ((call.args.blocks as { text?: { text: string } }[]) ?? [])[0]?.text?.text ?? '';

describe('Caseline in Slack: what every message becomes (the conversation table)', () => {
  const e2e = useSlackE2E({ env: { CASELINE_CONFIG: configFile() } });

  // Delivery is done once the inbox has ended it: every effect of the message has run.
  const delivered = (eventId: string) =>
    eventually(async () => {
      const entry = await e2e.app.core.connection
        .collection('inbox')
        .findOne({ _id: `slack:event:${eventId}` as never });
      return entry?.state === 'done' ? entry : undefined;
    }, 10_000);

  /**
   * Writes the row's message where it says: an event for a message, `/support help` for a
   * command (answered on its response_url). Resolves once its delivery has fully run.
   */
  const write = async (
    row: ConversationRow,
    place: SlackPlace,
    channel: string,
    threadTs: string | undefined,
  ) => {
    if (row.kind === 'command') {
      const command = slashCommand({
        text: MESSAGES.command,
        channel,
        responseUrl: e2e.fake.responseUrl(`help-${channel}`),
      });
      expect((await e2e.post('command', command)).status).toBe(200);
      await e2e.fake.waitFor('response_url', (c) => c.path.includes(channel));
      return { ts: undefined, sourceId: undefined };
    }
    const event = messageEvent({
      text: MESSAGES[row.kind],
      channel,
      channelType: PLACES[place],
      ...(row.kind === 'file-only'
        ? { files: [slackFile({ name: FILE_NAME })], team: SLACK_CUSTOMER.teamId }
        : {}),
      ...(row.place === 'thread' && threadTs ? { threadTs } : {}),
    });
    const { ts } = event.event as { ts: string };
    expect((await e2e.post('event', event)).status).toBe(200);
    await delivered(event.event_id);
    return { ts, sourceId: `slack:${channel}:${ts}` };
  };

  const run = async (row: ConversationRow, place: SlackPlace) => {
    const channel = conversationIn(place);
    const opened =
      row.stage === 'none' ? undefined : await e2e.openByMessage(OPENING_REQUEST, channel);
    if (opened) await moveToStage(e2e.app.core, opened.case.id, row.stage);
    const before = await e2e.caseCount();
    const since = e2e.fake.calls.length;
    const { ts, sourceId } = await write(row, place, channel, opened?.ts);
    const later = () => e2e.fake.calls.slice(since);
    const notices = () =>
      later().filter(
        (c) =>
          c.method === 'chat.postEphemeral' &&
          c.args.channel === channel &&
          c.args.user === SLACK_CUSTOMER.userId,
      );

    expect(await e2e.caseCount()).toBe(before + (row.outcome === 'new case' ? 1 : 0));
    if (opened) {
      const after = (await e2e.app.core.cases.findById(opened.case.id))!;
      expect(after.statusCategory).toBe(row.after);
      const kept =
        sourceId !== undefined && after.events.some((e) => e.data?.sourceId === sourceId);
      expect(kept).toBe(row.outcome === 'comment');
    }
    const sees = row.sees;
    if ('card' in sees) {
      const created = await e2e.app.core.cases.findByIntakeKey(`slack:${channel}:${ts}`);
      expect(created).toBeDefined();
      await e2e.fake.waitFor(
        'chat.postMessage',
        (c) =>
          c.args.thread_ts === ts && JSON.stringify(c.args.blocks ?? '').includes(created!.number),
      );
      expect(notices()).toHaveLength(0);
    } else if ('notice' in sees) {
      const told = notices();
      expect(told).toHaveLength(1);
      expect(plainTextOf(told[0]!)).toMatch(sees.notice);
      const buttons = buttonsOf(told[0]!);
      expect(buttons).toHaveLength(sees.buttons.length);
      sees.buttons.forEach((label, i) => expect(buttons[i]).toContain(label));
      // Where they wrote: a reply in a thread is answered in that thread.
      expect(told[0]!.args.thread_ts).toBe(row.place === 'thread' ? opened?.ts : undefined);
    } else if ('answer' in sees) {
      const answer = await e2e.fake.waitFor('response_url', (c) => c.path.includes(channel));
      expect(String(answer.args.text)).toMatch(sees.answer);
      expect(answer.args.response_type).toBe('ephemeral');
      expect(notices()).toHaveLength(0);
    } else if ('milestone' in sees) {
      await e2e.fake.waitFor(
        'chat.postMessage',
        (c) => c.args.channel === channel && sees.milestone.test(String(c.args.text)),
      );
      expect(notices()).toHaveLength(0);
    } else {
      expect(notices()).toHaveLength(0);
    }
  };

  describe.each(Object.keys(PLACES) as SlackPlace[])('in a %s', (place) => {
    it.each(CONVERSATION_TABLE.map((row) => [rowName(row), row] as const))('%s', (_, row) =>
      run(row, place),
    );
  });
});
