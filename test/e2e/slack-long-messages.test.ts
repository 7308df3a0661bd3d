/**
 * Messages as long as Slack allows (40,000 characters of text) over signed HTTP: each is a
 * case or a comment, kept whole, and nobody is shown a validator's wording.
 */
import { DESCRIPTION_MAX, FULL_TEXT_MARKER } from '../../src/domain/case/attachments.js';
import { MESSAGE_MAX } from '../../src/domain/case/communication.js';
import { messageEvent } from '../support/slack/payloads.js';
import { eventually, TRIAGE, useSlackE2E } from '../support/slack/e2e.js';

const SLACK_TEXT_MAX = 40_000;

/** A request with a log pasted under it, exactly `length` long, ending in `last`. */
const pasted = (length: number, last: string): string => {
  const line = 'ERROR 42 export: row rejected, tax code T9 unknown (batch 2026-11) ✓\n';
  const text = `Invoice export rejects rows, log below\n${line.repeat(Math.ceil(length / line.length))}`;
  return text.slice(0, length - last.length) + last;
};

describe('Caseline in Slack: long messages', () => {
  const e2e = useSlackE2E();
  const ephemerals = () => e2e.fake.callsTo('chat.postEphemeral').map((c) => String(c.args.text));

  it('opens one case from a 40,000-character message and keeps every character', async () => {
    const before = await e2e.caseCount();
    const text = pasted(SLACK_TEXT_MAX, 'LAST LINE OF THE LOG');

    const { case: opened } = await e2e.openByMessage(text);

    expect(await e2e.caseCount()).toBe(before + 1);
    expect(opened.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(opened.description.endsWith(FULL_TEXT_MARKER)).toBe(true);
    expect(opened.attachments.map((a) => [a.field, a.visibility, a.text])).toEqual([
      ['description', 'public', text],
    ]);
    const agentCard = e2e.posts(TRIAGE, (c) => String(c.args.text).includes(opened.number))[0]!;
    expect(JSON.stringify(agentCard.args.blocks)).toContain(
      `Full text kept with the case as ${opened.number}-description.txt (40,000 characters)`,
    );
    expect(ephemerals().join('\n')).not.toMatch(/Too big|characters|description:/);
  });

  it('keeps a 40,000-character reply in the case thread whole', async () => {
    const { case: opened, channel, ts } = await e2e.openByMessage('Invoice export stops at 42%');
    const reply = pasted(SLACK_TEXT_MAX, 'END OF REPLY');

    const sent = await e2e.post(
      'event',
      messageEvent({ text: reply, channel, channelType: 'im', threadTs: ts }),
    );

    expect(sent.status).toBe(200);
    const stored = await eventually(async () => {
      const found = await e2e.app.core.cases.findById(opened.id);
      return found?.events.some((e) => e.type === 'commented') ? found : undefined;
    });
    const comment = stored.events.find((e) => e.type === 'commented')!;
    expect(comment.text!.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(stored.attachments.find((a) => a.id === comment.data?.attachmentId)?.text).toBe(reply);
    expect(ephemerals().join('\n')).not.toMatch(/Too big|Keep messages|characters/);
  });
});
