/** Cases, outbox entries and changes for the store contracts; ids are unique per run. */
import type { CaseChange, CaseState, OutboxEntry } from '../../src/domain/case/types.js';
import type { CaseRepository } from '../../src/ports/case-repository.js';
import type { OutboxStore } from '../../src/ports/outbox-store.js';
import { buildCase } from '../support/build-case.js';

export interface CaseStoreSubject {
  readonly cases: CaseRepository;
  /** The outbox side of the same store (the outbox lives in the case). */
  readonly outbox: OutboxStore;
  close(): Promise<void>;
}

export const T0 = new Date('2026-11-23T09:00:00Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let n = 0;
export const fresh = (overrides: Partial<CaseState> = {}): CaseState => {
  n += 1;
  const id = `contract-case-${n}-${Math.random().toString(36).slice(2, 8)}`;
  return buildCase({
    id,
    number: `CT-${id.slice(-6).toUpperCase()}-${n}`,
    seq: n,
    intakeKey: `contract:${id}`,
    ...overrides,
  });
};

export const entry = (id: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id,
  topic: 'card-refresh',
  audience: 'staff',
  createdAt: T0,
  state: 'pending',
  attempts: 0,
  nextAttemptAt: T0,
  ...overrides,
});

export const change = (overrides: Partial<CaseChange> = {}): CaseChange => ({
  set: { updatedAt: at(1) },
  events: [],
  attachments: [],
  notify: [],
  addMinutes: 0,
  ...overrides,
});
