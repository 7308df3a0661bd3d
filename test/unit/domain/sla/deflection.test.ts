import type { CaseEvent } from '../../../../src/domain/case/types.js';
import { deflectedClocks, deflectionOf } from '../../../../src/domain/sla/index.js';
import { buildCase } from '../../../support/build-case.js';

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);
const STAFF = { kind: 'staff', id: 'agent-ana', name: 'Ana', role: 'agent' } as const;
const SYSTEM = {
  kind: 'system',
  id: 'system',
  name: 'Carol (self-service)',
  role: 'system',
} as const;

const event = (
  type: CaseEvent['type'],
  hhmm: string,
  more: Partial<CaseEvent> = {},
): CaseEvent => ({
  id: `${type}-${hhmm}`,
  type,
  at: at(hhmm),
  actor: STAFF,
  visibility: 'public',
  ...more,
});
const selfSolved = (hhmm: string) =>
  event('resolved', hhmm, { actor: SYSTEM, data: { resolutionType: 'self-solved' } });
const SELF_SOLVED = { type: 'self-solved', text: 'Solved with the article.' } as const;

describe('deflectionOf', () => {
  it('is the self-service solution of a case nobody on the desk had answered', () => {
    const c = buildCase({
      events: [event('opened', '09:00'), selfSolved('09:05')],
      resolution: SELF_SOLVED,
    });
    expect(deflectionOf(c)).toEqual({ at: at('09:05'), standing: true });
  });

  it('is not a deflection when the desk replied first', () => {
    const c = buildCase({
      events: [event('opened', '09:00'), event('replied', '09:02'), selfSolved('09:05')],
      resolution: SELF_SOLVED,
    });
    expect(deflectionOf(c)).toBeUndefined();
  });

  it('ignores internal notes and customer comments before the self-service solution', () => {
    const c = buildCase({
      events: [
        event('opened', '09:00'),
        event('replied', '09:01', { visibility: 'internal' }),
        event('commented', '09:02', {
          actor: { kind: 'customer', id: 'contact-carol', name: 'Carol', role: 'customer' },
        }),
        selfSolved('09:05'),
      ],
      resolution: SELF_SOLVED,
    });
    expect(deflectionOf(c)?.at).toEqual(at('09:05'));
  });

  it('is not a deflection when an agent resolved the case first', () => {
    const c = buildCase({
      events: [
        event('opened', '09:00'),
        event('resolved', '09:03', { data: { resolutionType: 'fixed' } }),
      ],
      resolution: { type: 'fixed', text: 'Fixed the rule.' },
    });
    expect(deflectionOf(c)).toBeUndefined();
  });

  it('no longer stands once the case was reopened (the article did not solve it)', () => {
    const c = buildCase({
      events: [event('opened', '09:00'), selfSolved('09:05'), event('reopened', '10:00')],
    });
    expect(deflectionOf(c)).toEqual({ at: at('09:05'), standing: false });
  });
});

describe('deflectedClocks', () => {
  it('takes first response and, while the solution stands, resolution out of the desk’s figures', () => {
    expect(deflectedClocks(undefined)).toEqual([]);
    expect(deflectedClocks({ at: at('09:05'), standing: true })).toEqual([
      'firstResponse',
      'resolution',
    ]);
    expect(deflectedClocks({ at: at('09:05'), standing: false })).toEqual(['firstResponse']);
  });
});
