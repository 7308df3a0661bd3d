import { formatCase, listFooter } from '../../../src/cli/format.js';
import type { CaseAttachment } from '../../../src/domain/case/types.js';
import { viewCase } from '../../../src/domain/case/view.js';
import { ANA, CAROL, buildCase } from '../../support/build-case.js';

const attachment = (overrides: Partial<CaseAttachment>): CaseAttachment => ({
  id: 'att-1',
  name: 'CASE-1001-description.txt',
  mediaType: 'text/plain',
  text: 'whole description',
  visibility: 'public',
  eventId: 'e1',
  field: 'description',
  createdAt: new Date('2026-11-23T09:00:00Z'),
  ...overrides,
});

const withAttachments = buildCase({
  attachments: [
    attachment({ text: `Ledger export fails\n${'row 42 rejected\n'.repeat(3)}LAST` }),
    attachment({
      id: 'att-2',
      name: 'CASE-1001-message-2.txt',
      field: 'message',
      visibility: 'internal',
      text: 'note kept whole',
    }),
  ],
});

const shownTo = (actor: typeof ANA) => {
  const view = viewCase(withAttachments, actor);
  if (!view.ok) throw new Error(view.message);
  return formatCase(view.value);
};

describe('caseline case show', () => {
  it('prints every attached text whole for staff, internal ones marked', () => {
    const text = shownTo(ANA);
    expect(text).toContain(
      `Attached CASE-1001-description.txt (${withAttachments.attachments[0]!.text.length} characters):\nLedger export fails\nrow 42`,
    );
    expect(text).toMatch(/LAST\n/);
    expect(text).toContain(
      'Attached CASE-1001-message-2.txt [internal] (15 characters):\nnote kept whole',
    );
  });

  it('prints a customer only the public ones', () => {
    const text = shownTo(CAROL);
    expect(text).toContain('CASE-1001-description.txt');
    expect(text).not.toContain('note kept whole');
  });
});

describe('listFooter', () => {
  it('counts a whole list', () => {
    expect(listFooter(1, 1, 1000)).toBe('1 case');
    expect(listFooter(3, 3, 1000)).toBe('3 cases');
  });

  it('says how many of how many a cut list shows, and how to see more', () => {
    expect(listFooter(100, 2341, 1000)).toBe('Showing 100 of 2,341 cases; --limit 1000 shows more');
    expect(listFooter(100, 120, 1000)).toBe('Showing 100 of 120 cases; --limit 120 shows more');
  });

  it('offers no larger limit than the list takes', () => {
    expect(listFooter(1000, 2341, 1000)).toBe('Showing 1,000 of 2,341 cases');
  });
});
