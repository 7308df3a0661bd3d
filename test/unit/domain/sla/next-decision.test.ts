import { nextDecision } from '../../../../src/domain/sla/next-decision.js';
import type { SlaClock, SlaClocks } from '../../../../src/domain/sla/types.js';

const now = new Date('2026-11-23T10:00:00Z');
const minutesFromNow = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

const resting = (kind: SlaClock['kind']): SlaClock => ({
  kind,
  state: 'not-applicable',
  ticking: false,
  usedMinutes: 0,
  leftMinutes: 0,
});
const running = (kind: SlaClock['kind'], fields: Partial<SlaClock>): SlaClock => ({
  kind,
  state: 'running',
  ticking: true,
  targetMinutes: 240,
  usedMinutes: 60,
  leftMinutes: 180,
  ...fields,
});
const clocks = (overrides: Partial<SlaClocks>): SlaClocks => ({
  firstResponse: resting('firstResponse'),
  nextResponse: resting('nextResponse'),
  resolution: resting('resolution'),
  ...overrides,
});

describe('nextDecision', () => {
  it('arms the warning before the breach', () => {
    const firstResponse = running('firstResponse', {
      warnAt: minutesFromNow(120),
      due: minutesFromNow(180),
    });
    expect(nextDecision(clocks({ firstResponse }), now)).toEqual({
      at: minutesFromNow(120),
      clock: 'firstResponse',
      kind: 'warning',
    });
  });

  it('arms the breach once the warning is past', () => {
    const firstResponse = running('firstResponse', {
      warnAt: minutesFromNow(-10),
      due: minutesFromNow(30),
    });
    expect(nextDecision(clocks({ firstResponse }), now)).toMatchObject({ kind: 'breach' });
  });

  it('arms the next re-escalation of a breached clock', () => {
    const resolution = running('resolution', {
      state: 'breached',
      due: minutesFromNow(-90),
      reescalateAt: minutesFromNow(30),
    });
    expect(nextDecision(clocks({ resolution }), now)).toEqual({
      at: minutesFromNow(30),
      clock: 'resolution',
      kind: 're-escalation',
    });
  });

  it('takes the earliest point across clocks', () => {
    const firstResponse = running('firstResponse', { due: minutesFromNow(50) });
    const resolution = running('resolution', { warnAt: minutesFromNow(20) });
    expect(nextDecision(clocks({ firstResponse, resolution }), now)).toMatchObject({
      clock: 'resolution',
      kind: 'warning',
    });
  });

  it('arms nothing for paused or stopped clocks', () => {
    const paused = { ...running('resolution', { warnAt: minutesFromNow(20) }), ticking: false };
    expect(nextDecision(clocks({ resolution: paused }), now)).toBeUndefined();
  });

  it('never arms a point at or before now', () => {
    const firstResponse = running('firstResponse', { warnAt: now, due: minutesFromNow(-1) });
    expect(nextDecision(clocks({ firstResponse }), now)).toBeUndefined();
  });
});
