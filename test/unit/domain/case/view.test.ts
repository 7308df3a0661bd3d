import { viewCase } from '../../../../src/domain/case/view.js';
import { ANA, CAROL, DAVE, buildCase } from '../../../support/build-case.js';

const actor = { kind: 'staff' as const, id: 'agent-ana', name: 'Ana', role: 'agent' as const };
const withHistory = buildCase({
  flags: ['expired-contract'],
  minutesLogged: 40,
  events: [
    { id: 'e1', type: 'opened', at: new Date(), actor, visibility: 'public', text: 'Opened' },
    {
      id: 'e2',
      type: 'note',
      at: new Date(),
      actor,
      visibility: 'internal',
      text: 'internal detail',
      minutes: 40,
    },
    {
      id: 'e3',
      type: 'claimed',
      at: new Date(),
      actor,
      visibility: 'public',
      data: { assigneeId: 'agent-ana', assigneeName: 'Ana', previousAssigneeId: null },
    },
  ],
});

describe('viewing a case', () => {
  it('shows a customer only public history and none of the desk internals', () => {
    const view = viewCase(withHistory, CAROL);
    expect(view.ok && view.value.audience).toBe('customer');
    const text = JSON.stringify(view.ok ? view.value.case : null);
    expect(text).not.toMatch(/internal detail|expired-contract|minutesLogged|agent-ana|queueKey/);
    expect(view.ok && view.value.case.events.map((e) => e.id)).toEqual(['e1', 'e3']);
  });

  it('answers a customer of another organization as if the case did not exist', () => {
    expect(viewCase(withHistory, DAVE)).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('shows staff everything but the outbox', () => {
    const view = viewCase(withHistory, ANA);
    expect(view.ok && view.value.case.events).toHaveLength(3);
    expect(view.ok && 'outbox' in view.value.case).toBe(false);
  });
});
