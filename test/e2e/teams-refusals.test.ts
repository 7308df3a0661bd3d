/**
 * A refused card action answers with the card the person pressed, saying what happened in
 * the words Slack uses and keeping what they wrote. Bot Framework activities over HTTP,
 * replies caught by the fake connector; what was stored is counted.
 */
import { VERBS } from '../../adapters/teams/render/card.js';
import { cardAction } from '../support/teams/activities.js';
import { DESK_CHANNEL, TEAMS_AGENT, useTeamsE2E, verbsIn } from '../support/teams/e2e.js';

const e2e = useTeamsE2E();
const desk = { id: DESK_CHANNEL, conversationType: 'channel' as const };
/** An agent of examples/agents.csv with an Entra object id, besides Tomás. */
const JUN = {
  id: '29:jun-park',
  name: 'Jun Park',
  aadObjectId: '0b9e8d7c-6a5b-4c3d-9e2f-1a0b9c8d7e6f',
} as const;
const JUN_TEXT = 'Re-synced the till with the price server.';
const TOMAS_TEXT = 'Cleared the till cache *twice*; prices are right again.';

type Person = typeof JUN | typeof TEAMS_AGENT;

const press = (from: Person, caseId: string, verb: string, data: Record<string, string>) =>
  e2e.post(
    cardAction(e2e.connector.url, { from, conversation: desk, verb, data: { caseId, ...data } }),
  );

/** The input of a card by id, wherever it sits. */
const inputIn = (card: unknown, id: string): Record<string, unknown> | undefined => {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Input.') && record.id === id)
        found.push(record);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found[0];
};

/** The card's top line as Teams shows it (markdown escapes undone). */
const noticeOf = (card: unknown): string =>
  String(((card as { body: { text?: string }[] }).body[0] ?? {}).text).replace(/\\(.)/g, '$1');

describe('Teams: refused card actions', () => {
  it('tells the agent who lost a Resolve race what happened, on the card, and keeps the text', async () => {
    const opened = await e2e.openCase('Tills show last week’s prices');
    const resolve = (from: Person, text: string) =>
      press(from, opened.case.id, VERBS.resolve, { resolutionType: 'fixed', resolutionText: text });
    expect((await resolve(JUN, JUN_TEXT)).status).toBe(200);
    const lost = await resolve(TEAMS_AGENT, TOMAS_TEXT);
    expect(lost.status).toBe(200);
    const card = lost.body!.value;
    expect(noticeOf(card)).toBe(
      `⚠ Jun Park resolved ${opened.case.number} a moment ago. Your resolution was not saved, and nothing was sent to the customer.`,
    );
    expect(inputIn(card, 'keptText')).toMatchObject({ value: TOMAS_TEXT });
    expect(verbsIn(card)).toContain(VERBS.keptNote);
    // Resolved once, by Jun, with his resolution; nothing of Tomás's was stored.
    const stored = (await e2e.app.core.cases.findById(opened.case.id))!;
    expect(stored.events.filter((e) => e.type === 'resolved')).toHaveLength(1);
    expect(stored.events.find((e) => e.type === 'resolved')?.actor.name).toBe('Jun Park');
    expect(stored.resolution?.text).toBe(JUN_TEXT);
    expect(stored.events.filter((e) => e.text === TOMAS_TEXT)).toHaveLength(0);
  });

  it('posts the kept text as an internal note from the refused card', async () => {
    const opened = await e2e.openCase('Receipt printer cuts the total off');
    await press(JUN, opened.case.id, VERBS.resolve, {
      resolutionType: 'fixed',
      resolutionText: JUN_TEXT,
    });
    await press(TEAMS_AGENT, opened.case.id, VERBS.resolve, {
      resolutionType: 'fixed',
      resolutionText: TOMAS_TEXT,
    });
    const posted = await press(TEAMS_AGENT, opened.case.id, VERBS.keptNote, {
      keptText: TOMAS_TEXT,
    });
    expect(inputIn(posted.body!.value, 'keptText')).toBeUndefined();
    const stored = (await e2e.app.core.cases.findById(opened.case.id))!;
    const notes = stored.events.filter((e) => e.type === 'note');
    expect(notes.map((n) => [n.text, n.actor.name])).toEqual([[TOMAS_TEXT, TEAMS_AGENT.name]]);
  });

  it('says what to fix and keeps the text when the form itself was wrong', async () => {
    const opened = await e2e.openCase('Tills round prices the wrong way');
    const before = (await e2e.app.core.cases.findById(opened.case.id))!;
    const refused = await press(TEAMS_AGENT, opened.case.id, VERBS.resolve, {
      resolutionType: 'works-as-designed',
      resolutionText: TOMAS_TEXT,
    });
    const card = refused.body!.value;
    expect(noticeOf(card)).toMatch(/documentation/i);
    expect(inputIn(card, 'keptText')).toMatchObject({ value: TOMAS_TEXT });
    const after = (await e2e.app.core.cases.findById(opened.case.id))!;
    expect(after.version).toBe(before.version);
    expect(after.statusCategory).not.toBe('solved');
  });
});
