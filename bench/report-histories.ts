/**
 * Realistic case histories for bench:reports: a case is opened, routed, claimed, answered,
 * sometimes asked back and forth, moved, raised, waiting on the customer, logged against,
 * solved, closed and now and then reopened; one in twenty is solved by the customer with
 * an article. Every change leaves the outbox entries the desk writes for it. Seeded, so
 * each run loads the same desk.
 */
import type { ActorRef, CaseEvent, CaseState, OutboxEntry } from '../src/domain/case/types.js';
import type { Priority } from '../src/domain/priority.js';
import type { StatusCategory } from '../src/domain/workflow/types.js';
import { buildCase } from '../test/support/build-case.js';

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;

/** A small deterministic generator (mulberry32): the same desk on every run. */
export const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

export const ORGANIZATIONS = Array.from({ length: 40 }, (_, i) => ({
  key: `org${i}`,
  name: `Organization ${i}`,
}));
const AGENTS: ActorRef[] = Array.from({ length: 25 }, (_, i) => ({
  kind: 'staff',
  id: `agent-${i}`,
  name: `Agent ${i}`,
  role: 'agent',
}));
const QUEUES = ['erp-finance', 'retail', 'general', 'payroll'];
const POLICIES = ['gold-24x7', 'silver-business-hours', 'standard'];
const PRIORITIES: Priority[] = ['urgent', 'high', 'normal', 'normal', 'low'];
const SYSTEM: ActorRef = { kind: 'system', id: 'system', name: 'Caseline', role: 'system' };

export const historyOf = (n: number, now: Date, random: () => number): CaseState => {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const org = pick(ORGANIZATIONS);
  const customer: ActorRef = {
    kind: 'customer',
    id: `contact-${n % 500}`,
    name: `Contact ${n % 500}`,
    role: 'customer',
  };
  const createdAt = new Date(now.getTime() - random() * 60 * DAY);
  let at = createdAt.getTime();
  const later = (maxMinutes: number) => {
    at = Math.min(now.getTime() - MINUTE, at + (1 + random() * maxMinutes) * MINUTE);
    return new Date(at);
  };
  const events: CaseEvent[] = [];
  const outbox: OutboxEntry[] = [];
  const add = (
    event: Omit<CaseEvent, 'id' | 'visibility'> & { visibility?: CaseEvent['visibility'] },
  ) => {
    const id = `c${n}-e${events.length}`;
    events.push({ visibility: 'public', ...event, id });
    for (const audience of ['staff', 'customer'] as const)
      outbox.push({
        id: `${id}-${audience}`,
        topic: audience === 'staff' ? 'card-refresh' : 'public-message',
        audience,
        eventId: id,
        createdAt: event.at,
        state: 'delivered',
        attempts: 1,
        nextAttemptAt: event.at,
        deliveredAt: event.at,
      });
  };
  let status = 'new';
  const move = (
    to: string,
    actor: ActorRef,
    type: 'status-changed' | 'reopened' = 'status-changed',
  ) => {
    add({ type, at: later(240), actor, data: { from: status, to } });
    status = to;
  };
  let queue = pick(QUEUES);
  let priority = pick(PRIORITIES);
  const firstPriority = priority;
  add({ type: 'opened', at: createdAt, actor: customer, text: 'The export stops at 42 %.' });
  add({
    type: 'queue-changed',
    at: createdAt,
    actor: SYSTEM,
    visibility: 'internal',
    data: { from: null, to: queue },
  });
  let owner: ActorRef | undefined;
  let resolution: CaseState['resolution'];
  const deflected = random() < 0.05;
  if (deflected) {
    add({
      type: 'resolved',
      at: later(30),
      actor: SYSTEM,
      data: { resolutionType: 'self-solved', docLink: null },
    });
    move('solved', SYSTEM);
    resolution = { type: 'self-solved', text: 'The article solved it.' };
  } else if (random() < 0.85) {
    owner = pick(AGENTS);
    add({
      type: 'claimed',
      at: later(120),
      actor: owner,
      data: { assigneeId: owner.id, assigneeName: owner.name, previousAssigneeId: null },
    });
    move('on-hand', owner);
    add({
      type: 'replied',
      at: later(180),
      actor: owner,
      text: 'We are looking into it.',
      ...(random() < 0.5 ? { minutes: 5 + Math.floor(random() * 30) } : {}),
    });
    for (let round = Math.floor(random() * 3); round > 0; round -= 1) {
      add({
        type: 'commented',
        at: later(600),
        actor: customer,
        text: 'It happened again this morning.',
      });
      add({ type: 'replied', at: later(300), actor: owner, text: 'Thanks, we reproduced it.' });
    }
    if (random() < 0.2) {
      priority = pick(PRIORITIES);
      add({
        type: 'priority-changed',
        at: later(60),
        actor: owner,
        data: { from: firstPriority, to: priority },
      });
    }
    if (random() < 0.15) {
      const to = pick(QUEUES.filter((q) => q !== queue));
      add({
        type: 'queue-changed',
        at: later(60),
        actor: owner,
        visibility: 'internal',
        data: { from: queue, to },
      });
      queue = to;
      owner = pick(AGENTS);
      add({
        type: 'assigned',
        at: later(30),
        actor: SYSTEM,
        data: { assigneeId: owner.id, assigneeName: owner.name },
      });
    }
    if (random() < 0.3) {
      move('waiting-on-customer', owner);
      add({ type: 'commented', at: later(2_000), actor: customer, text: 'Here is the log.' });
      move('on-hand', customer);
    }
    add({
      type: 'time-logged',
      at: later(120),
      actor: owner,
      visibility: 'internal',
      minutes: 10 + Math.floor(random() * 90),
    });
    if (random() < 0.7) {
      add({
        type: 'resolved',
        at: later(600),
        actor: owner,
        text: 'Fixed the export rule.',
        data: { resolutionType: 'fixed', docLink: null },
      });
      move('solved', owner);
      resolution = { type: 'fixed', text: 'Fixed the export rule.' };
      if (random() < 0.1) {
        move('on-hand', customer, 'reopened');
        resolution = undefined;
      } else if (random() < 0.6) move('closed', customer);
    }
  }
  const categories: Record<string, StatusCategory> = {
    new: 'new',
    'on-hand': 'open',
    'waiting-on-customer': 'pending-customer',
    solved: 'solved',
    closed: 'closed',
  };
  const category = categories[status] ?? 'open';
  const last = new Date(at);
  return buildCase({
    id: `bench-case-${n}`,
    number: `CASE-${100_000 + n}`,
    seq: 100_000 + n,
    intakeKey: `bench:${n}`,
    title: `Export stops at 42 % (${n})`,
    description: 'The nightly export stops at 42 % with error 42. '.repeat(4),
    organizationId: `org-id-${org.key}`,
    organizationKey: org.key,
    contactId: customer.id,
    contactName: customer.name,
    slaPolicy: pick(POLICIES),
    queueKey: queue,
    ...(owner ? { assigneeId: owner.id, assigneeName: owner.name } : {}),
    status,
    statusCategory: category,
    priority,
    ...(resolution ? { resolution } : {}),
    minutesLogged: events.reduce((sum, e) => sum + (e.minutes ?? 0), 0),
    createdAt,
    updatedAt: last,
    ...(category === 'solved' || category === 'closed' ? { solvedAt: last } : {}),
    events,
    outbox,
  });
};
