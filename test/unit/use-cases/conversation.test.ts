import type { Actor, CaseState } from '../../../src/domain/case/types.js';
import { titleOf } from '../../../src/use-cases/receive-chat-message.js';
import { CAROL_CONTACT } from '../../support/in-memory/directory.js';
import { GROUPING_WINDOW_MS, inMemoryDesk } from '../../support/in-memory/desk.js';

const CAROL: Actor = {
  kind: 'customer',
  contactId: CAROL_CONTACT.id,
  organizationId: CAROL_CONTACT.organizationId,
  name: CAROL_CONTACT.name,
};
const OTHER: Actor = { ...CAROL, contactId: 'someone-else', name: 'Dan' } as Actor;
const SYSTEM: Actor = { kind: 'system', name: 'test' };
const DAY_MS = 24 * 60 * 60 * 1000;

const message = (messageId: string, text: string, threadId?: string) => ({
  actor: CAROL,
  channel: 'slack' as const,
  address: 'slack:D0CAROL001',
  messageId,
  text,
  intakeAllowed: true,
  ...(threadId ? { threadId } : {}),
});

type Desk = ReturnType<typeof inMemoryDesk>;
const value = <T>(result: { ok: true; value: T } | { ok: false }): T => {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result.value;
};
const stored = async (desk: Desk, id: string): Promise<CaseState> =>
  (await desk.cases.findById(id))!;

/** A case Carol opened, and a follow-up of hers that joined it. */
const joinedFollowUp = async (desk: Desk) => {
  const opened = value(await desk.receive(message('100.1', 'Invoice export fails at month-end')));
  desk.clock.advance(1000);
  const joined = value(await desk.receive(message('100.2', 'It also fails for March.')));
  if (joined.outcome !== 'joined' || opened.outcome !== 'opened')
    throw new Error('expected a join');
  return { caseId: opened.caseId, eventId: joined.eventId };
};

/** A case Carol opened with message `messageId`, then solved by the desk. */
const solvedCase = async (desk: Desk, messageId: string, text: string): Promise<string> => {
  const opened = value(await desk.receive(message(messageId, text)));
  if (opened.outcome !== 'opened') throw new Error('expected a new case');
  const ref = { caseId: opened.caseId };
  value(
    await desk.resolveCase({ ref, actor: SYSTEM, resolution: { type: 'fixed', text: 'Fixed.' } }),
  );
  return opened.caseId;
};

const closedCase = async (desk: Desk) => {
  const caseId = await solvedCase(desk, '200.1', 'VAT report totals are off');
  // The outbox marks the resolution sent once it reached the customer; closing needs that.
  const solved = await stored(desk, caseId);
  desk.cases.byId.set(caseId, { ...solved, resolutionSentAt: desk.clock.now() });
  return caseId;
};

describe('"This is a separate request"', () => {
  it('moves the message into a case of its own, under the message, and says so on both', async () => {
    const desk = inMemoryDesk();
    const { caseId, eventId } = await joinedFollowUp(desk);

    const moved = value(await desk.moveMessage({ actor: CAROL, caseId, eventId, why: 'separate' }));

    expect(moved.to.id).not.toBe(caseId);
    expect(moved.to.description).toBe('It also fails for March.');
    expect(moved.to.origin).toMatchObject({ address: 'slack:D0CAROL001', messageId: '100.2' });
    expect(moved.to.events[0]?.data).toMatchObject({
      relatedTo: moved.from.number,
      relation: 'separate',
    });
    const from = await stored(desk, caseId);
    expect(from.events.find((e) => e.type === 'message-moved')).toMatchObject({
      text: `Moved to ${moved.to.number} as a separate request.`,
      data: { eventId, toCaseId: moved.to.id },
    });
    expect(from.events.some((e) => e.id === eventId)).toBe(true);
  });

  it('changes nothing when pressed again', async () => {
    const desk = inMemoryDesk();
    const { caseId, eventId } = await joinedFollowUp(desk);
    const first = value(await desk.moveMessage({ actor: CAROL, caseId, eventId, why: 'separate' }));
    const commits = desk.cases.commits.length;

    const again = value(await desk.moveMessage({ actor: CAROL, caseId, eventId, why: 'separate' }));

    expect(again.to.id).toBe(first.to.id);
    expect(desk.cases.byId.size).toBe(2);
    expect(desk.cases.commits).toHaveLength(commits);
  });

  it('finishes a move that stopped between the new case and the line on the old one', async () => {
    const desk = inMemoryDesk();
    const { caseId, eventId } = await joinedFollowUp(desk);
    const from = await stored(desk, caseId);
    // The first attempt opened the new case, then the process died.
    const opened = value(
      await desk.openCase({
        actor: CAROL,
        intakeKey: `moved:${caseId}:${eventId}`,
        title: 'It also fails for March.',
        description: 'It also fails for March.',
      }),
    );

    const moved = value(await desk.moveMessage({ actor: CAROL, caseId, eventId, why: 'separate' }));

    expect(moved.to.id).toBe(opened.case.id);
    expect(desk.cases.byId.size).toBe(2);
    expect((await stored(desk, caseId)).version).toBe(from.version + 1);
  });

  it('is refused to anyone but the writer', async () => {
    const desk = inMemoryDesk();
    const { caseId, eventId } = await joinedFollowUp(desk);

    const refused = await desk.moveMessage({ actor: OTHER, caseId, eventId, why: 'separate' });

    expect(refused).toMatchObject({ ok: false, code: 'not-allowed' });
    expect(desk.cases.byId.size).toBe(1);
  });
});

describe('a message on a solved case', () => {
  it('reopens it from its thread, and says it did', async () => {
    const desk = inMemoryDesk();
    const caseId = await solvedCase(desk, '300.1', 'Payroll run stops at step 3');

    const again = value(await desk.receive(message('300.2', 'It stops at step 3 again.', '300.1')));

    expect(again).toEqual({ outcome: 'commented', caseId, reopened: true });
    expect((await stored(desk, caseId)).statusCategory).toBe('open');
  });

  it('stays solved for a thank-you, which is kept', async () => {
    const desk = inMemoryDesk();
    const caseId = await solvedCase(desk, '400.1', 'Payroll run stops at step 3');

    const thanks = value(await desk.receive(message('400.2', 'thanks! 🙏', '400.1')));

    expect(thanks).toMatchObject({ outcome: 'courtesy', on: 'solved' });
    const after = await stored(desk, caseId);
    expect(after.statusCategory).toBe('solved');
    expect(after.events.at(-1)).toMatchObject({ type: 'commented', text: 'thanks! 🙏' });
  });
});

describe('a message on a closed case', () => {
  it('is kept there, and offers Reopen within the window', async () => {
    const desk = inMemoryDesk();
    const caseId = await closedCase(desk);
    value(await desk.closeCase({ ref: { caseId }, actor: SYSTEM }));
    desk.clock.advance(GROUPING_WINDOW_MS + 1000);

    const told = value(await desk.receive(message('200.2', 'It is back again today.', '200.1')));

    expect(told).toMatchObject({ outcome: 'on-closed-case', caseId, canReopen: true });
    expect((await stored(desk, caseId)).statusCategory).toBe('closed');
    value(await desk.reopenCase({ ref: { caseId }, actor: CAROL }));
    expect((await stored(desk, caseId)).statusCategory).toBe('open');
  });

  it('offers only a new case once the window has passed, and the reopen is refused', async () => {
    const desk = inMemoryDesk();
    const caseId = await closedCase(desk);
    value(await desk.closeCase({ ref: { caseId }, actor: SYSTEM }));
    desk.clock.advance(15 * DAY_MS);

    const told = value(await desk.receive(message('200.2', 'It is back again today.', '200.1')));
    const reopen = await desk.reopenCase({ ref: { caseId }, actor: CAROL });

    expect(told).toMatchObject({ outcome: 'on-closed-case', canReopen: false });
    expect(reopen).toMatchObject({ ok: false, code: 'not-allowed' });
    const eventId = told.outcome === 'on-closed-case' ? told.eventId : '';
    const follow = value(
      await desk.moveMessage({ actor: CAROL, caseId, eventId, why: 'follow-up' }),
    );
    expect(follow.to.events[0]?.data).toMatchObject({
      relatedTo: follow.from.number,
      relation: 'follow-up',
    });
    // Its card goes to the top of the conversation, not under a reply in the old thread.
    expect(follow.to.origin.messageId).toBeUndefined();
  });
});

describe('the title of a case opened from chat', () => {
  it('is the first line, or the file’s name when only a file was shared', () => {
    expect(titleOf('Invoice export fails\nsince Monday')).toBe('Invoice export fails');
    expect(titleOf('📎 export-error.png https://files.example/F1/export-error.png')).toBe(
      '📎 export-error.png',
    );
    expect(titleOf('   ')).toBe('Request from chat');
  });
});
