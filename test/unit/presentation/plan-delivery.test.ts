import type {
  CaseEvent,
  CaseState,
  NotificationTopic,
  OutboxEntry,
} from '../../../src/domain/case/types.js';
import { viewCase } from '../../../src/domain/case/view.js';
import { SIMPLE_WORKFLOW } from '../../../src/domain/workflow/preset-simple.js';
import type { Notification } from '../../../src/ports/notifier.js';
import { planAnnouncement, planDelivery } from '../../../src/presentation/delivery-plan.js';
import { plainLine, type ThreadLine } from '../../../src/presentation/thread-line.js';
import { buildCase, CAROL } from '../../support/build-case.js';

const workflow = SIMPLE_WORKFLOW;
const AT = new Date('2026-11-23T10:00:00Z');

const entry = (topic: NotificationTopic, audience: 'customer' | 'staff'): OutboxEntry => ({
  id: `${topic}-${audience}`,
  topic,
  audience,
  createdAt: AT,
  state: 'pending',
  attempts: 0,
  nextAttemptAt: AT,
});

const event = (over: Partial<CaseEvent> & Pick<CaseEvent, 'type'>): CaseEvent => ({
  id: 'e-1',
  at: AT,
  actor: { kind: 'staff', id: 'agent-ana', name: 'Ana', role: 'agent' },
  visibility: 'public',
  ...over,
});

const origin = { channel: 'slack', address: 'slack:C1', messageId: '1700.1' } as const;
const state = (over: Partial<CaseState> = {}) => buildCase({ origin, ...over });

const forCustomer = (
  topic: NotificationTopic,
  e?: CaseEvent,
  over: Partial<CaseState> = {},
): Notification => {
  const view = viewCase(state(over), CAROL);
  if (!view.ok || view.value.audience !== 'customer') throw new Error('no customer view');
  return {
    audience: 'customer',
    entry: entry(topic, 'customer'),
    case: view.value.case,
    ...(e ? { event: e } : {}),
  };
};

const forStaff = (topic: NotificationTopic, e?: CaseEvent): Notification => {
  const { outbox: _outbox, ...view } = state();
  return {
    audience: 'staff',
    entry: entry(topic, 'staff'),
    case: view,
    ...(e ? { event: e } : {}),
  };
};

const words = (lines: readonly { readonly line: ThreadLine }[]) =>
  lines.map((l) => plainLine(l.line));

describe('delivery plan: the customer side', () => {
  it.each(['case-opened', 'card-refresh'] as const)(
    '%s refreshes the customer card where the case was opened, and posts nothing',
    (topic) => {
      expect(planDelivery(forCustomer(topic), workflow)).toEqual({
        cards: [{ card: 'customer', origin }],
        lines: [],
      });
    },
  );

  it('a public reply is a line under the customer card, with who wrote it', () => {
    const plan = planDelivery(
      forCustomer('public-message', event({ type: 'replied', text: 'Try the new driver.' })),
      workflow,
    );
    expect(plan.cards).toEqual([]);
    expect(plan.lines.map((l) => l.to)).toEqual([{ kind: 'case-thread', card: 'customer' }]);
    expect(words(plan.lines)).toEqual(['Ana: Try the new driver.']);
  });

  it('never puts a note in a customer line, even if one reaches a customer notification', () => {
    const note = event({ type: 'note', visibility: 'internal', text: 'SECRET remark' });
    expect(planDelivery(forCustomer('public-message', note), workflow).lines).toEqual([]);
  });

  it.each<[string, CaseEvent, string]>([
    ['claimed', event({ type: 'claimed', data: { assigneeName: 'Ana' } }), 'Ana is on it.'],
    ['reopened', event({ type: 'reopened' }), 'Your case is open again; we are on it.'],
    [
      'waiting on the customer',
      event({ type: 'status-changed', data: { to: 'waiting-on-customer' } }),
      SIMPLE_WORKFLOW.statuses
        .find((s) => s.id === 'waiting-on-customer')!
        .customerSentence.replace(/\{nextUpdate\}/g, 'soon'),
    ],
    [
      'closed',
      event({ type: 'status-changed', data: { to: 'closed' } }),
      'This case is closed. Write a new message if you need more help.',
    ],
    [
      'asked about a languishing status',
      event({ type: 'status-languishing', text: 'Is the fix working for you?' }),
      'Is the fix working for you?',
    ],
  ])('a milestone (%s) is one line under the customer card', (_what, e, said) => {
    const plan = planDelivery(forCustomer('milestone', e), workflow);
    expect(plan.lines.map((l) => [l.to, plainLine(l.line)])).toEqual([
      [{ kind: 'case-thread', card: 'customer' }, said],
    ]);
  });

  it('a solved milestone carries the solution and its documentation link', () => {
    const solved = event({ type: 'status-changed', data: { to: 'solved' } });
    const resolution = {
      type: 'fixed',
      text: 'Updated the driver.',
      docLink: 'https://docs.example/driver',
    } as const;
    const plan = planDelivery(forCustomer('milestone', solved, { resolution }), workflow);
    expect(plan.lines[0]?.line.mark).toBe('solved');
    expect(words(plan.lines)).toEqual([
      'Solved: Updated the driver. Documentation: https://docs.example/driver\nIf this does not fix it, reply here and we will pick it up again.',
    ]);
  });

  it('a move to a working status tells the customer nothing', () => {
    const e = event({ type: 'status-changed', data: { to: 'on-hand' } });
    expect(planDelivery(forCustomer('milestone', e), workflow)).toEqual({ cards: [], lines: [] });
  });

  it('a topic with no event to tell posts nothing', () => {
    expect(planDelivery(forCustomer('public-message'), workflow)).toEqual({
      cards: [],
      lines: [],
    });
  });
});

describe('delivery plan: the desk side', () => {
  it.each(['case-opened', 'card-refresh'] as const)(
    '%s refreshes the agent card in the queue channel',
    (topic) => {
      expect(planDelivery(forStaff(topic), workflow)).toEqual({
        cards: [{ card: 'agent', queueKey: 'finance' }],
        lines: [],
      });
    },
  );

  it.each<[NotificationTopic, CaseEvent, string, string]>([
    [
      'internal-message',
      event({ type: 'note', visibility: 'internal', text: 'Checked the logs.' }),
      'note',
      'Internal note by Ana: Checked the logs.',
    ],
    [
      'public-message',
      event({ type: 'replied', text: 'Try the new driver.' }),
      'message',
      'Ana replied to the customer: Try the new driver.',
    ],
    [
      'public-message',
      event({
        type: 'commented',
        actor: { kind: 'customer', id: 'contact-carol', name: 'Carol', role: 'customer' },
        text: 'Still broken.',
      }),
      'message',
      'Carol (customer) wrote: Still broken.',
    ],
  ])('%s (%#) is one line under the agent card', (topic, e, mark, said) => {
    const plan = planDelivery(forStaff(topic, e), workflow);
    expect(plan.cards).toEqual([]);
    expect(plan.lines.map((l) => [l.to, l.line.mark, plainLine(l.line)])).toEqual([
      [{ kind: 'case-thread', card: 'agent' }, mark, said],
    ]);
  });

  it('an SLA alert goes to each agent and channel it names, then under the agent card', () => {
    const breach = event({
      type: 'sla-breached',
      actor: { kind: 'system', id: 'system', name: 'Caseline', role: 'system' },
      text: 'First response breached.',
      data: {
        agentIds: 'agent-lena,agent-ana',
        channels: 'slack:C-ESC',
        told: 'Lena Vogt (queue manager)',
      },
    });
    const plan = planDelivery(forStaff('sla-alert', breach), workflow);
    expect(plan.lines.map((l) => l.to)).toEqual([
      { kind: 'agent', agentId: 'agent-lena' },
      { kind: 'agent', agentId: 'agent-ana' },
      { kind: 'channel', address: 'slack:C-ESC' },
      { kind: 'case-thread', card: 'agent' },
    ]);
    expect(new Set(words(plan.lines))).toEqual(
      new Set([
        'CASE-1001 Ledger export fails: First response breached. Told: Lena Vogt (queue manager).',
      ]),
    );
    expect(plan.lines[0]?.line.mark).toBe('sla-breach');
  });

  it('an SLA warning nobody is named for is only recorded under the agent card', () => {
    const warning = event({ type: 'sla-warning', text: 'First response due in 30m.' });
    const plan = planDelivery(forStaff('sla-alert', warning), workflow);
    expect(plan.lines.map((l) => [l.to, l.line.mark])).toEqual([
      [{ kind: 'case-thread', card: 'agent' }, 'sla-warning'],
    ]);
  });

  it('an automatic assignment is a DM to the assignee saying why, and nothing else', () => {
    const assigned = event({
      type: 'assigned',
      actor: { kind: 'system', id: 'system', name: 'Caseline assignment', role: 'system' },
      data: {
        assigneeId: 'agent-jun',
        assigneeName: 'Jun Park',
        reason: 'round-robin; skill: Point of Sale',
      },
    });
    const plan = planDelivery(forStaff('assignment', assigned), workflow);
    expect(plan.cards).toEqual([]);
    expect(plan.lines.map((l) => [l.to, plainLine(l.line)])).toEqual([
      [
        { kind: 'agent', agentId: 'agent-jun' },
        'CASE-1001 Ledger export fails is yours (round-robin; skill: Point of Sale).',
      ],
    ]);
  });

  it('a customer-side topic for staff (a milestone) posts nothing to the desk', () => {
    const e = event({ type: 'claimed', data: { assigneeName: 'Ana' } });
    expect(planDelivery(forStaff('milestone', e), workflow)).toEqual({ cards: [], lines: [] });
  });
});

describe('announcement plan', () => {
  it('tells the named agents, then the named channels, with the announcement words', () => {
    const steps = planAnnouncement({
      id: 'contract-expiring:acme',
      kind: 'contract-expiring',
      text: 'The Acme contract ends in 14 days.',
      recipients: [
        { kind: 'channel', address: 'slack:C-AM', as: 'account managers' },
        { kind: 'agent', id: 'agent-ben', name: 'Ben', as: 'lead' },
      ],
    });
    expect(steps.map((s) => [s.to, s.line.mark, plainLine(s.line)])).toEqual([
      [{ kind: 'agent', agentId: 'agent-ben' }, 'document', 'The Acme contract ends in 14 days.'],
      [
        { kind: 'channel', address: 'slack:C-AM' },
        'document',
        'The Acme contract ends in 14 days.',
      ],
    ]);
  });
});
