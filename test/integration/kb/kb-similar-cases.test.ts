import { jest } from '@jest/globals';
import type { CaseState } from '../../../src/domain/case/types.js';
import { latestKbMatches } from '../../../src/domain/kb/matches.js';
import { startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';

const DAY = 86_400_000;

describe('similar cases at intake, with two replicas on one database', () => {
  let one: CoreFixture;
  let two: CoreFixture;
  beforeAll(async () => {
    one = await startCoreFixture('kb_similar');
    two = await startCoreFixture('kb_similar', { shareDatabaseOf: one });
  });
  afterAll(async () => {
    await two.close();
    await one.close();
  });

  const open = async (fx: CoreFixture, title: string): Promise<CaseState> => {
    const result = await fx.core.useCases.openCase({ actor: await fx.customer(), title });
    if (!result.ok) throw new Error(result.message);
    fx.clock.advance(1_000);
    return result.value.case;
  };
  const looksLike = (opened: CaseState) =>
    [...(latestKbMatches(opened.events)?.similarCases ?? [])].sort();

  it('finds a case the other replica opened, and looks up only its number', async () => {
    await open(one, 'Quarterly newsletter template request'); // replica one loads its view
    const elsewhere = await open(two, 'Bank rejects our SEPA payment file');
    const list = jest.spyOn(one.core.cases, 'list');
    const lookUp = jest.spyOn(one.core.cases, 'findByNumber');
    try {
      const here = await open(one, 'SEPA payment file rejected by the bank');
      expect(looksLike(here)).toEqual([elsewhere.number]);
      // The case numbers showed a case opened elsewhere: that one number is looked up.
      expect(lookUp.mock.calls).toEqual([[elsewhere.number]]);
      expect(list).not.toHaveBeenCalled();

      const again = await open(one, 'bank refuses the SEPA file');
      expect(looksLike(again)).toEqual([elsewhere.number, here.number].sort());
      // Nothing was opened elsewhere meanwhile: no read at all.
      expect(lookUp).toHaveBeenCalledTimes(1);
      expect(list).not.toHaveBeenCalled();
    } finally {
      list.mockRestore();
      lookUp.mockRestore();
    }
  });

  it('is loaded at start (warm), so the first intake after it reads nothing', async () => {
    const earlier = await open(two, 'Payroll run stops at the tax step');
    const three = await startCoreFixture('kb_similar', { shareDatabaseOf: one });
    try {
      await three.core.kb.recentCases.warm();
      expect(three.core.kb.recentCases.size).toBeGreaterThan(0);
      const list = jest.spyOn(three.core.cases, 'list');
      try {
        const first = await open(three, 'payroll stops at tax step');
        expect(looksLike(first)).toEqual([earlier.number]);
        expect(list).not.toHaveBeenCalled();
      } finally {
        list.mockRestore();
      }
    } finally {
      await three.close();
    }
  });

  it('follows the other replica’s status changes: a solved case leaves after a week, an open one stays', async () => {
    const solved = await open(two, 'Receipt printer offline at the till');
    const stillOpen = await open(two, 'Gift card balance wrong at the till');
    const resolved = await two.core.useCases.resolveCase({
      ref: { caseId: solved.id },
      actor: await two.agent(),
      minutes: 5,
      resolution: { type: 'fixed', text: 'Reinstalled the printer driver.' },
    });
    expect(resolved.ok).toBe(true);

    const soon = await open(one, 'Receipt printer shows offline at the till');
    expect(looksLike(soon)).toEqual([solved.number]); // solved, but opened this week

    one.clock.advance(8 * DAY);
    const later = await open(one, 'receipt printer offline at the till again');
    expect(looksLike(later)).toEqual([soon.number]);
    const giftCard = await open(one, 'gift card balance is wrong at the till');
    expect(looksLike(giftCard)).toEqual([stillOpen.number]);
  });

  it('picks up a case solved through the other replica once 30 seconds have passed', async () => {
    two.clock.advance(8 * DAY); // the replicas' clocks agree again
    const scanner = await open(two, 'Barcode scanner not reading labels');
    one.clock.advance(8 * DAY);
    two.clock.advance(8 * DAY);
    const first = await open(one, 'barcode scanner not reading');
    expect(looksLike(first)).toEqual([scanner.number]); // open, though older than a week
    const resolved = await two.core.useCases.resolveCase({
      ref: { caseId: scanner.id },
      actor: await two.agent(),
      minutes: 5,
      resolution: { type: 'fixed', text: 'Cleaned the scanner window.' },
    });
    expect(resolved.ok).toBe(true);
    const soon = await open(one, 'barcode scanner not reading at all');
    one.clock.advance(31_000);
    // This intake starts the read (in the background) and answers from the index as it is.
    const noticing = await open(one, 'barcode scanner stopped reading');
    expect(looksLike(noticing)).toContain(scanner.number);
    await one.core.kb.recentCases.idle();
    const later = await open(one, 'the barcode scanner is not reading');
    expect(looksLike(later)).toEqual([first.number, soon.number, noticing.number].sort());
  });
});
