import type { Actor, CaseState } from '../../src/domain/case/types.js';

/** A case in its first state, for unit tests; override what the test is about. */
export const buildCase = (overrides: Partial<CaseState> = {}): CaseState => ({
  id: 'case-1',
  number: 'CASE-1001',
  seq: 1001,
  version: 1,
  intakeKey: 'case:case-1',
  title: 'Ledger export fails',
  description: 'Error 42',
  organizationId: 'org-acme',
  organizationKey: 'acme',
  contactId: 'contact-carol',
  contactName: 'Carol',
  flags: [],
  queueKey: 'finance',
  status: 'new',
  statusCategory: 'new',
  priority: 'normal',
  tasks: [],
  linkedIssues: [],
  minutesLogged: 0,
  origin: { channel: 'slack' },
  createdAt: new Date('2026-11-23T09:00:00Z'),
  updatedAt: new Date('2026-11-23T09:00:00Z'),
  events: [],
  attachments: [],
  outbox: [],
  ...overrides,
});

export const ANA: Actor = { kind: 'staff', agentId: 'agent-ana', role: 'agent', name: 'Ana' };
export const BEN: Actor = { kind: 'staff', agentId: 'agent-ben', role: 'lead', name: 'Ben' };
export const CAROL: Actor = {
  kind: 'customer',
  contactId: 'contact-carol',
  organizationId: 'org-acme',
  name: 'Carol',
};
export const DAVE: Actor = {
  kind: 'customer',
  contactId: 'contact-dave',
  organizationId: 'org-globex',
  name: 'Dave',
};

let counter = 0;
export const ctx = (now = new Date('2026-11-23T10:00:00Z')) => ({
  now,
  newId: () => `id-${(counter += 1)}`,
});
