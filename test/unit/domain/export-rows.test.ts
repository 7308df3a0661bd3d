import { CASE_COLUMNS, EVENT_COLUMNS, rowsOf } from '../../../src/domain/export/rows.js';
import type { CaseEvent } from '../../../src/domain/case/types.js';
import { buildCase } from '../../support/build-case.js';

const SYSTEM = { kind: 'system', id: 'system', name: 'SLA', role: 'system' } as const;
const event = (id: string, at: string, extra: Partial<CaseEvent> = {}): CaseEvent => ({
  id,
  type: 'note',
  at: new Date(at),
  actor: SYSTEM,
  visibility: 'internal',
  ...extra,
});

const state = buildCase({
  flags: ['no-contract', 'unknown-contact'],
  assigneeName: 'Ana',
  events: [
    event('e1', '2026-11-01T09:00:00Z', { type: 'opened', visibility: 'public', text: 'Help' }),
    event('e2', '2026-11-02T09:00:00Z', { text: 'Internal: customer is on 4.1' }),
    event('e3', '2026-11-03T09:00:00Z', {
      type: 'priority-changed',
      visibility: 'public',
      data: { from: 'normal', to: 'urgent' },
    }),
  ],
});

describe('export rows', () => {
  it('gives a case one row with every column, absent values as null', () => {
    const [row] = rowsOf('cases', state);
    expect(Object.keys(row!)).toEqual([...CASE_COLUMNS]);
    expect(row).toEqual(
      expect.objectContaining({
        id: 'case-1',
        number: 'CASE-1001',
        assignee: 'Ana',
        product: null,
        flags: 'no-contract;unknown-contact',
        events: 3,
        createdAt: '2026-11-23T09:00:00.000Z',
        solvedAt: null,
      }),
    );
  });

  it('gives every event a row, internal notes included', () => {
    const rows = rowsOf('events', state);
    expect(rows.map((row) => Object.keys(row))).toEqual(Array(3).fill([...EVENT_COLUMNS]));
    expect(rows.map((row) => [row.eventId, row.visibility])).toEqual([
      ['e1', 'public'],
      ['e2', 'internal'],
      ['e3', 'public'],
    ]);
    expect(rows[2]).toEqual(
      expect.objectContaining({ data: { from: 'normal', to: 'urgent' }, minutes: null }),
    );
  });

  it('keeps the events at or after --since', () => {
    const since = new Date('2026-11-02T09:00:00Z');
    expect(rowsOf('events', state, since).map((row) => row.eventId)).toEqual(['e2', 'e3']);
  });
});
