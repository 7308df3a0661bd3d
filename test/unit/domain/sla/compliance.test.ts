import { tallyCompliance, type SlaClock } from '../../../../src/domain/sla/index.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const at = (iso: string) => new Date(`2026-11-23T${iso}:00Z`);
const clock = (overrides: Partial<SlaClock> & Pick<SlaClock, 'kind' | 'state'>): SlaClock => ({
  ticking: overrides.state === 'running' || overrides.state === 'breached',
  usedMinutes: 0,
  leftMinutes: 0,
  ...overrides,
});

describe('tallyCompliance', () => {
  it('is empty for no cases, with no compliance rate', () => {
    const report = tallyCompliance([], NOW);
    expect(report.cases).toBe(0);
    expect(report.clocks.resolution).toEqual({
      met: 0,
      breached: 0,
      running: 0,
      paused: 0,
      deflected: 0,
    });
    expect([report.byPriority, report.byOrganization, report.atRisk, report.overdue]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  it('counts by clock, priority and organization; lists the at-risk and the owed', () => {
    const report = tallyCompliance(
      [
        {
          caseNumber: 'CASE-1',
          organization: 'Globex',
          priority: 'high',
          clocks: [
            clock({ kind: 'firstResponse', state: 'met' }),
            clock({ kind: 'resolution', state: 'running', warnAt: at('11:00'), due: at('13:00') }),
          ],
        },
        {
          caseNumber: 'CASE-2',
          organization: 'Acme',
          priority: 'normal',
          clocks: [
            clock({ kind: 'firstResponse', state: 'breached', breachedByMinutes: 90.4 }),
            clock({ kind: 'nextResponse', state: 'not-applicable', ticking: false }),
            clock({ kind: 'resolution', state: 'running', warnAt: at('14:00'), due: at('16:00') }),
          ],
        },
        {
          caseNumber: 'CASE-3',
          organization: 'Acme',
          priority: 'normal',
          clocks: [
            // Met late: broken, but no longer owed.
            clock({
              kind: 'firstResponse',
              state: 'breached',
              ticking: false,
              breachedByMinutes: 5,
            }),
            clock({ kind: 'resolution', state: 'paused', ticking: false }),
          ],
        },
      ],
      NOW,
    );
    expect(report.cases).toBe(3);
    expect(report.clocks.firstResponse).toEqual({
      met: 1,
      breached: 2,
      running: 0,
      paused: 0,
      deflected: 0,
      compliance: 1 / 3,
    });
    expect(report.clocks.resolution).toEqual({
      met: 0,
      breached: 0,
      running: 2,
      paused: 1,
      deflected: 0,
    });
    expect(report.clocks.nextResponse).toEqual({
      met: 0,
      breached: 0,
      running: 0,
      paused: 0,
      deflected: 0,
    });
    expect(report.byOrganization.map((g) => [g.name, g.clocks.firstResponse.compliance])).toEqual([
      ['Acme', 0],
      ['Globex', 1],
    ]);
    expect(report.byPriority.map((g) => g.name)).toEqual(['high', 'normal']);
    expect(report.atRisk).toEqual([
      { caseNumber: 'CASE-1', clock: 'resolution', due: at('13:00') },
    ]);
    expect(report.overdue).toEqual([
      { caseNumber: 'CASE-2', clock: 'firstResponse', byMinutes: 90 },
    ]);
  });

  it('counts a self-service solution as a deflection, not as a kept promise', () => {
    const deflected = (standing: boolean, firstResponse: SlaClock['state']) => ({
      caseNumber: standing ? 'CASE-4' : 'CASE-5',
      organization: 'Acme',
      priority: 'normal' as const,
      deflection: { at: at('09:05'), standing },
      clocks: [
        clock({ kind: 'firstResponse', state: firstResponse, ticking: false }),
        clock({ kind: 'resolution', state: 'met', ticking: false }),
      ],
    });
    const report = tallyCompliance(
      [
        {
          caseNumber: 'CASE-1',
          organization: 'Acme',
          priority: 'normal',
          clocks: [clock({ kind: 'firstResponse', state: 'met' })],
        },
        deflected(true, 'met'),
        // Reopened: the desk's own resolution counts again; the first response never does.
        deflected(false, 'met'),
        // Unanswered past its target before the customer found the article: still broken.
        { ...deflected(true, 'breached'), caseNumber: 'CASE-6' },
      ],
      NOW,
    );
    expect(report.deflections).toBe(2);
    expect(report.clocks.firstResponse).toMatchObject({
      met: 1,
      breached: 1,
      deflected: 2,
      compliance: 1 / 2,
    });
    expect(report.clocks.resolution).toMatchObject({ met: 1, deflected: 2, compliance: 1 });
    expect(report.byOrganization[0]?.deflections).toBe(2);
  });
});
