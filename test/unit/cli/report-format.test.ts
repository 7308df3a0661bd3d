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
