import type { Actor } from '../../../src/domain/case/types.js';
import { CAROL_CONTACT } from '../../support/in-memory/directory.js';
import { GROUPING_WINDOW_MS, inMemoryDesk } from '../../support/in-memory/desk.js';

const CAROL: Actor = {
  kind: 'customer',
  contactId: CAROL_CONTACT.id,
  organizationId: CAROL_CONTACT.organizationId,
  name: CAROL_CONTACT.name,
};

const message = (messageId: string, text: string) => ({
  actor: CAROL,
  channel: 'slack' as const,
  address: 'slack:D0CAROL001',
  messageId,
  text,
  intakeAllowed: true,
});

const openedId = (result: Awaited<ReturnType<ReturnType<typeof inMemoryDesk>['receive']>>) => {
  if (!result.ok || result.value.outcome !== 'opened') throw new Error('expected a new case');
  return result.value.caseId;
};

describe('a chat message delivered again', () => {
  // Both chats wire the lookup of a message's own case; without it the history alone holds.
  it.each([
    ['with the lookup of the message’s own case', true],
    ['by the case history alone', false],
  ])('adds nothing when it opened a case, inside the grouping window (%s)', async (_, lookup) => {
    const desk = inMemoryDesk({ intakeLookup: lookup });
    const caseId = openedId(await desk.receive(message('100.1', 'Payroll run stops at step 3')));
    desk.clock.advance(GROUPING_WINDOW_MS / 4);

    const again = await desk.receive(message('100.1', 'Payroll run stops at step 3'));

    expect(again.ok && again.value).toMatchObject({ caseId });
    expect(desk.cases.byId.size).toBe(1);
    expect(desk.cases.commits).toEqual([]);
    const stored = await desk.cases.findById(caseId);
    expect(stored?.events.map((e) => e.type)).toEqual(['opened', 'queue-changed']);
    expect(stored?.outbox.map((e) => e.topic)).toEqual(['case-opened', 'case-opened']);
  });

  it('still goes to the case it opened when a newer case is the recent one', async () => {
    const desk = inMemoryDesk();
    const first = openedId(await desk.receive(message('200.1', 'Ledger export is empty')));
    desk.clock.advance(GROUPING_WINDOW_MS + 1000);
    const second = openedId(await desk.receive(message('200.2', 'VAT report shows no totals')));
    desk.clock.advance(1000);

    const again = await desk.receive(message('200.1', 'Ledger export is empty'));

    expect(again).toEqual({ ok: true, value: { outcome: 'opened', caseId: first } });
    expect(desk.cases.commits).toEqual([]);
    const newer = await desk.cases.findById(second);
    expect(newer?.events.some((e) => e.type === 'commented')).toBe(false);
  });

  it('records a new message inside the window once, however often it is delivered', async () => {
    const desk = inMemoryDesk();
    const caseId = openedId(await desk.receive(message('300.1', 'Invoices print blank')));
    desk.clock.advance(1000);
    const follow = message('300.2', 'Only the PDF ones.');

    const joined = await desk.receive(follow);
    const again = await desk.receive(follow);

    expect(joined).toMatchObject({ ok: true, value: { outcome: 'joined', caseId } });
    expect(again).toEqual(joined);
    expect(desk.cases.commits).toHaveLength(1);
    const stored = await desk.cases.findById(caseId);
    expect(stored?.events.filter((e) => e.type === 'commented').map((e) => e.text)).toEqual([
      'Only the PDF ones.',
    ]);
  });

  it('marks the opening event with the message’s own identity', async () => {
    const desk = inMemoryDesk();
    const caseId = openedId(await desk.receive(message('400.1', 'Month-end close hangs')));
    const stored = await desk.cases.findById(caseId);
    expect(stored?.events[0]).toMatchObject({
      type: 'opened',
      data: { sourceId: 'slack:D0CAROL001:400.1' },
    });
  });
});
