import { formatCompliance } from '../../../src/cli/report-commands.js';
import { tallyCompliance, type SlaClock } from '../../../src/domain/sla/index.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const met = (kind: SlaClock['kind']): SlaClock => ({
  kind,
  state: 'met',
  ticking: false,
  usedMinutes: 10,
  leftMinutes: 50,
});
const entry = (caseNumber: string, deflected: boolean) => ({
  caseNumber,
  organization: 'Acme',
  priority: 'normal' as const,
  clocks: [met('firstResponse'), met('resolution')],
  ...(deflected ? { deflection: { at: NOW, standing: true } } : {}),
});

describe('report sla text', () => {
  it('prints deflections as their own line and beside each clock they left out', () => {
    const report = tallyCompliance(
      [entry('CASE-1', false), entry('CASE-2', true), entry('CASE-3', true)],
      NOW,
    );
    const text = formatCompliance({ ...report, days: 30 });
    expect(text.split('\n').slice(0, 5)).toEqual([
      'SLA compliance: 3 cases (opened in the last 30 days, or open)',
      '  First response   100.0 %  kept 1, broken 0, running 0, paused 0, deflected 2',
      '  Next response          —  kept 0, broken 0, running 0, paused 0',
      '  Resolution       100.0 %  kept 1, broken 0, running 0, paused 0, deflected 2',
      '  Deflected              2  solved by the customer with a knowledge-base article; not in the rates',
    ]);
  });
});

describe('report sla text, many cases', () => {
  const owed = (n: number): SlaClock => ({
    kind: 'firstResponse',
    state: 'breached',
    ticking: true,
    usedMinutes: 600,
    leftMinutes: 0,
    breachedByMinutes: 100 + n,
  });
  const report = tallyCompliance(
    Array.from({ length: 25 }, (_, n) => ({
      caseNumber: `CASE-${n}`,
      organization: 'Acme',
      priority: 'normal' as const,
      clocks: [owed(n)],
    })),
    NOW,
  );

  it('lists the first 20 broken promises still owed and says how many more there are', () => {
    const text = formatCompliance({ ...report, days: 30 });
    expect(text.match(/business min over\n/g)).toHaveLength(20);
    expect(text).toMatch(/\n {2}… and 5 more \(--json lists them all\)\n/);
  });

  it('prints only the breakdown asked for', () => {
    const text = formatCompliance(
      { ...report, days: 30, byAgent: [], byQueue: [] },
      'organization',
    );
    expect(text).toMatch(/\nBy organization\n {2}Acme\n/);
    expect(text).not.toMatch(/\nBy priority\n/);
  });
});
