import { jest } from '@jest/globals';
import { RecentCases } from '../../../src/kb/recent-cases.js';
import { buildCase } from '../../support/build-case.js';
import { InMemoryCases, ManualClock } from '../../support/in-memory/cases.js';

const caseNumbered = (seq: number, title: string) =>
  buildCase({ id: `case-${seq}`, number: `CASE-${seq}`, seq, title });

describe('recent cases at intake', () => {
  const setUp = async () => {
    const cases = new InMemoryCases();
    const clock = new ManualClock();
    const recent = new RecentCases({ cases, clock });
    await recent.warm();
    const lookUp = jest.spyOn(cases, 'findByNumber');
    const list = jest.spyOn(cases, 'list');
    return { cases, clock, recent, lookUp, list };
  };

  it('reads nothing when concurrent intakes of this replica arrive out of number order', async () => {
    const { clock, recent, lookUp, list } = await setUp();
    await recent.similarTo(caseNumbered(1001, 'Ledger export fails'));
    clock.advance(5);
    // 1003 before 1002: both are this replica's, a few milliseconds apart.
    expect(await recent.similarTo(caseNumbered(1003, 'Ledger export fails'))).toEqual([
      'CASE-1001',
    ]);
    clock.advance(5);
    await recent.similarTo(caseNumbered(1002, 'Ledger export fails again'));
    clock.advance(5_000);
    await recent.similarTo(caseNumbered(1004, 'Payroll stops'));
    expect(lookUp).not.toHaveBeenCalled();
    expect(list).not.toHaveBeenCalled();
  });

  it('looks up a number still missing once intakes have stopped filling it', async () => {
    const { cases, clock, recent, lookUp } = await setUp();
    await recent.similarTo(caseNumbered(1001, 'Ledger export fails'));
    clock.advance(5);
    await recent.similarTo(caseNumbered(1003, 'Payroll stops at the tax step'));
    // 1002 was opened through another replica.
    await cases.insert(caseNumbered(1002, 'Ledger export fails at month-end'));
    clock.advance(1_000);
    const later = await recent.similarTo(caseNumbered(1004, 'Ledger export fails'));
    expect(lookUp.mock.calls).toEqual([['CASE-1002']]);
    expect([...later].sort()).toEqual(['CASE-1001', 'CASE-1002']);
    clock.advance(1_000);
    await recent.similarTo(caseNumbered(1005, 'Ledger export fails'));
    expect(lookUp).toHaveBeenCalledTimes(1);
  });
});
