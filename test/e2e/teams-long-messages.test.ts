/**
 * Teams as it delivers messages: one of about 28 KB (Teams' own limit per message) is a
 * case kept whole, nobody is shown a validator's wording, and the activity that opened a
 * case, delivered again inside the grouping window, adds nothing.
 */
import { DESCRIPTION_MAX, FULL_TEXT_MARKER } from '../../src/domain/case/attachments.js';
import { messageActivity } from '../support/teams/activities.js';
import {
  cardOf,
  DESK_CHANNEL,
  eventually,
  TEAMS_CUSTOMER,
  useTeamsE2E,
} from '../support/teams/e2e.js';

const e2e = useTeamsE2E();
const TEAMS_MESSAGE_BYTES = 28_000;

/** A request with a log under it: `bytes` of UTF-8, ending in `last`. */
const pasted = (bytes: number, last: string): string => {
  const line = 'ERR 42 till-sync: receipt rejected, store code unknown (batch 11) €\n';
  let text = 'Receipts fail to sync since the update, log below\n';
  while (Buffer.byteLength(text + line + last) <= bytes) text += line;
  return text + last;
};

/** Everything the bot wrote to the customer's chat or the desk that is not a card. */
const plainWrites = () =>
  e2e.connector.writes((c) => !Array.isArray(c.body.attachments)).map((c) => String(c.body.text));

describe('Teams: long messages', () => {
  it('a ~28 KB message opens one case and keeps every character', async () => {
    const text = pasted(TEAMS_MESSAGE_BYTES, 'LAST LINE OF THE LOG');
    expect(Buffer.byteLength(text)).toBeGreaterThan(TEAMS_MESSAGE_BYTES - 100);

    const opened = await e2e.openCase(text);

    expect(opened.case.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(opened.case.description.endsWith(FULL_TEXT_MARKER)).toBe(true);
    expect(opened.case.attachments.map((a) => [a.field, a.visibility, a.text])).toEqual([
      ['description', 'public', text],
    ]);
    const lines = cardOf(opened.agentCard).body.map((block) =>
      String((block as { text?: unknown }).text).replace(/\\(.)/g, '$1'),
    );
    expect(lines).toContain(
      `📎 Full text kept with the case as ${opened.case.number}-description.txt (${text.length.toLocaleString('en')} characters).`,
    );
    expect(plainWrites().join('\n')).not.toMatch(/Too big|characters|description:/);
  });
});

describe('Teams: the opening message delivered again', () => {
  it('adds nothing inside the grouping window: one case, no comment, no mirror', async () => {
    const opened = await e2e.openCase('Receipt printer prints blank lines');
    const deskPosts = () =>
      e2e.connector.writes((c) => c.method === 'POST' && c.conversationId.startsWith(DESK_CHANNEL))
        .length;
    const before = deskPosts();

    expect((await e2e.post(opened.message)).status).toBe(200);
    // Drain: a later message joins the case and is mirrored to the desk; once that mirror
    // is out, whatever the redelivery caused would be in the history and the desk too.
    const marker = 'Only on the till by the door.';
    await e2e.post(
      messageActivity(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation: opened.conversation,
        text: marker,
      }),
    );
    await e2e.connector.waitFor(
      (c) => c.conversationId.startsWith(DESK_CHANNEL) && JSON.stringify(c.body).includes(marker),
    );
    const stored = await eventually(async () => {
      const found = await e2e.app.core.cases.findById(opened.case.id);
      return found?.outbox.every((entry) => entry.state !== 'pending') ? found : undefined;
    });

    const cases = await e2e.app.core.cases.list({ limit: 1000 });
    expect(cases.filter((c) => c.title === opened.case.title)).toHaveLength(1);
    expect(stored.events.filter((e) => e.type === 'commented').map((e) => e.text)).toEqual([
      marker,
    ]);
    expect(deskPosts()).toBe(before + 1);
  });
});
