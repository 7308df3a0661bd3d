import { friendlyFailure as slackFailure } from '../../../adapters/slack/failures.js';
import { friendlyFailure as teamsFailure } from '../../../adapters/teams/failures.js';
import { DESCRIPTION_MAX, FULL_TEXT_MARKER } from '../../../src/domain/case/attachments.js';
import { MESSAGE_MAX } from '../../../src/domain/case/communication.js';
import type { Actor } from '../../../src/domain/case/types.js';
import { viewCase } from '../../../src/domain/case/view.js';
import type { Failure } from '../../../src/domain/result.js';
import { CAROL_CONTACT } from '../../support/in-memory/directory.js';
import { inMemoryDesk } from '../../support/in-memory/desk.js';

const CAROL: Actor = {
  kind: 'customer',
  contactId: CAROL_CONTACT.id,
  organizationId: CAROL_CONTACT.organizationId,
  name: CAROL_CONTACT.name,
};
const ANA: Actor = { kind: 'staff', agentId: 'agent-ana', role: 'agent', name: 'Ana' };

/** Words, lines and a last word to look for: text as people paste it, `length` long. */
const longText = (length: number, last = 'END-OF-TEXT'): string => {
  const line = 'The payroll run stops at step 3 with error 42 after the tax tables load.\n';
  return `${line.repeat(Math.ceil(length / line.length))}`.slice(0, length - last.length) + last;
};

const chat = (messageId: string, text: string, extra: object = {}) => ({
  actor: CAROL,
  channel: 'slack' as const,
  address: 'slack:C0SUPPORT1',
  messageId,
  text,
  intakeAllowed: true,
  ...extra,
});

/** What a person in either chat reads for a refusal (Teams' markdown escapes undone). */
const shown = (failure: Failure) =>
  [slackFailure(failure), teamsFailure(failure)].map((t) => t.replace(/\\(.)/g, '$1'));
const VALIDATOR_WORDING = /Too big|Too small|expected|Invalid input|<=|>=/;

const openLong = async (desk: ReturnType<typeof inMemoryDesk>, text: string) => {
  const opened = await desk.receive(chat('500.1', text));
  if (!opened.ok || opened.value.outcome !== 'opened') throw new Error('expected a new case');
  return (await desk.cases.findById(opened.value.caseId))!;
};

describe('a long chat message', () => {
  it('opens one case: the description keeps its start, the attachment the whole text', async () => {
    const desk = inMemoryDesk();
    const text = longText(40_000);
    const stored = await openLong(desk, text);

    expect(desk.cases.byId.size).toBe(1);
    expect(stored.title.length).toBeLessThanOrEqual(121);
    expect(stored.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(stored.description.endsWith(FULL_TEXT_MARKER)).toBe(true);
    expect(stored.attachments).toEqual([
      expect.objectContaining({
        name: `${stored.number}-description.txt`,
        field: 'description',
        visibility: 'public',
        eventId: stored.events[0]!.id,
        text,
      }),
    ]);
  });

  it('is readable whole by the customer who wrote it and by staff', async () => {
    const desk = inMemoryDesk();
    const stored = await openLong(desk, longText(40_000));
    for (const actor of [CAROL, ANA]) {
      const view = viewCase(stored, actor);
      expect(view.ok && view.value.case.attachments.map((a) => a.text.length)).toEqual([40_000]);
    }
  });

  it('keeps a long reply in the case thread whole, the history holding its start', async () => {
    const desk = inMemoryDesk();
    const stored = await openLong(desk, 'Payslips show last month’s tax code');
    const reply = longText(40_000, 'LAST-LINE');

    const result = await desk.receive(chat('500.2', reply, { threadId: '500.1' }));

    expect(result).toEqual({
      ok: true,
      value: { outcome: 'commented', caseId: stored.id, reopened: false },
    });
    const after = (await desk.cases.findById(stored.id))!;
    const comment = after.events.find((e) => e.type === 'commented')!;
    expect(comment.text!.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(comment.text!.endsWith(FULL_TEXT_MARKER)).toBe(true);
    const kept = after.attachments.find((a) => a.id === comment.data?.attachmentId);
    expect(kept).toMatchObject({ field: 'message', visibility: 'public', text: reply });
  });

  it('keeps a long internal note whole and out of the customer’s view', async () => {
    const desk = inMemoryDesk();
    const stored = await openLong(desk, 'Ledger export is empty');
    const note = await desk.addInternalNote({
      ref: { caseId: stored.id },
      actor: ANA,
      text: longText(20_000),
      sourceId: 'slack:C0TRIAGE01:600.1',
    });
    if (!note.ok) throw new Error(note.message);

    expect(note.value.case.attachments).toEqual([
      expect.objectContaining({ visibility: 'internal', field: 'message' }),
    ]);
    const customer = viewCase(note.value.case, CAROL);
    expect(customer.ok && customer.value.case.attachments).toEqual([]);
  });

  it('tells the author of a reply composed here the limit, in our words', async () => {
    const desk = inMemoryDesk();
    const stored = await openLong(desk, 'Ledger export is empty');
    const result = await desk.replyToCustomer({
      ref: { caseId: stored.id },
      actor: ANA,
      text: longText(MESSAGE_MAX + 1),
    });

    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
    for (const text of shown(result as Failure)) {
      expect(text).toContain(`Keep messages under ${MESSAGE_MAX} characters.`);
      expect(text).not.toMatch(VALIDATOR_WORDING);
    }
  });
});

describe('what a chat user is told when a command fails its schema', () => {
  it('is the sentence written for people, without the field name', async () => {
    const desk = inMemoryDesk();
    const result = await desk.openCase({
      actor: CAROL,
      title: 'x',
      description: 'y'.repeat(300_000),
    });

    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
    for (const text of shown(result as Failure)) {
      expect(text).toContain('This text is too long for a case; please send it as a file.');
      expect(text).not.toMatch(/description:/);
      expect(text).not.toMatch(VALIDATOR_WORDING);
    }
  });

  it('is a plain sentence when the schema has only a validator’s phrase', async () => {
    const desk = inMemoryDesk();
    const result = await desk.receive({ ...chat('', 'Hello there'), messageId: '' });

    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(!result.ok && result.message).toMatch(VALIDATOR_WORDING);
    for (const text of shown(result as Failure)) {
      expect(text).toContain('Caseline could not take that as it was sent.');
      expect(text).not.toMatch(VALIDATOR_WORDING);
    }
  });
});
