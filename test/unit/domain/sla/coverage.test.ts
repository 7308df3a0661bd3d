import { slaCoverage, type SlaClock } from '../../../../src/domain/sla/index.js';

const RUNNING: SlaClock = {
  kind: 'firstResponse',
  state: 'running',
  ticking: true,
  usedMinutes: 0,
  leftMinutes: 60,
};
const measuredBy = (policy: string, clocks: readonly SlaClock[] = [RUNNING]) => ({
  policy,
  clocks,
});

describe('slaCoverage', () => {
  it('names the contract and its policy', () => {
    expect(
      slaCoverage({ contractLevel: 'gold', slaPolicy: 'gold-24x7' }, measuredBy('gold-24x7')),
    ).toEqual({ contract: 'gold', sla: 'gold-24x7' });
  });

  it('names the default policy, and why, for a case without a contract', () => {
    expect(slaCoverage({}, measuredBy('standard'))).toEqual({
      contract: 'No contract',
      sla: 'standard (default policy — no contract)',
    });
  });

  it('says when the contract’s policy is gone from the config and the default stands in', () => {
    expect(
      slaCoverage({ contractLevel: 'gold', slaPolicy: 'gold-old' }, measuredBy('standard')).sla,
    ).toBe('standard (default policy — the contract’s “gold-old” is not configured)');
    expect(slaCoverage({ contractLevel: 'gold' }, measuredBy('standard')).sla).toBe(
      'standard (default policy — the contract names no policy)',
    );
  });

  it('says No SLA only when no clock runs', () => {
    expect(slaCoverage({}, undefined)).toEqual({ contract: 'No contract', sla: 'No SLA' });
    expect(slaCoverage({}, measuredBy('standard', [])).sla).toBe(
      'No SLA (standard sets no target at this priority)',
    );
  });
});
