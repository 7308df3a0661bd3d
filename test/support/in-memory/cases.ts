/**
 * Hand-written in-memory ports for use-case unit tests: the same contracts as the Mongo
 * repositories (src/store), kept in maps, so a test drives real use cases with no database.
 */
import type { CaseChange, CaseState, OutboxEntry } from '../../../src/domain/case/types.js';
import type {
  CaseListFilter,
  CaseRepository,
  CaseSummary,
  InsertResult,
} from '../../../src/ports/case-repository.js';
import type {
  ChatLinkRepository,
  ChatLink,
  PostIntent,
  PostSlot,
  ThreadOwner,
} from '../../../src/ports/chat-links.js';
import type { Clock } from '../../../src/ports/clock.js';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-11-23T09:00:00Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Ids that say in which order they were made. */
export const sequentialIds = (prefix = 'id'): (() => string) => {
  let n = 0;
  return () => `${prefix}-${(n += 1)}`;
};

/** Applies a change as the Mongo update does: `$set`, `$unset` for nulls, `$push`, `$inc`. */
const applyChange = (
  state: CaseState,
  change: CaseChange,
  outbox: readonly OutboxEntry[],
): CaseState => {
  const next: Record<string, unknown> = { ...state };
  for (const [key, value] of Object.entries(change.set)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return {
    ...(next as unknown as CaseState),
    version: state.version + 1,
    minutesLogged: state.minutesLogged + change.addMinutes,
    events: [...state.events, ...change.events],
    attachments: [...state.attachments, ...change.attachments],
    outbox: [...state.outbox, ...outbox],
  };
};

export class InMemoryCases implements CaseRepository {
  readonly byId = new Map<string, CaseState>();
  private readonly claims = new Map<string, string>();
  private seq = 0;
  /** Every commit that changed a case, in order: what a test counts to prove "nothing". */
  readonly commits: { readonly caseId: string; readonly change: CaseChange }[] = [];

  async nextSeq(start: number): Promise<number> {
    return start + (this.seq += 1);
  }

  async insert(state: CaseState): Promise<InsertResult> {
    const existing =
      this.byId.get(state.id) ??
      [...this.byId.values()].find((c) => c.intakeKey === state.intakeKey);
    if (existing) return { inserted: false, existing };
    this.byId.set(state.id, state);
    return { inserted: true };
  }

  findById = async (id: string) => this.byId.get(id);
  findByNumber = async (number: string) =>
    [...this.byId.values()].find((c) => c.number === number.toUpperCase());
  findByIntakeKey = async (intakeKey: string) =>
    [...this.byId.values()].find((c) => c.intakeKey === intakeKey);

  async claimIntakeKey(intakeKey: string, caseId: string): Promise<string> {
    const owner = this.claims.get(intakeKey);
    if (owner) return owner;
    this.claims.set(intakeKey, caseId);
    return caseId;
  }

  async findByIntakeClaim(intakeKey: string) {
    const owner = this.claims.get(intakeKey);
    return owner ? this.byId.get(owner) : undefined;
  }

  async releaseIntakeKey(intakeKey: string, caseId: string): Promise<void> {
    if (this.claims.get(intakeKey) === caseId) this.claims.delete(intakeKey);
  }

  async commit(
    id: string,
    expectedVersion: number,
    change: CaseChange,
    outbox: readonly OutboxEntry[],
  ): Promise<CaseState | undefined> {
    const current = this.byId.get(id);
    if (!current || current.version !== expectedVersion) return undefined;
    const after = applyChange(current, change, outbox);
    this.byId.set(id, after);
    this.commits.push({ caseId: id, change });
    return after;
  }

  async list(filter: CaseListFilter): Promise<CaseSummary[]> {
    return this.listStates(filter);
  }

  async count(filter: CaseListFilter): Promise<number> {
    return (await this.listStates({ ...filter, limit: Number.MAX_SAFE_INTEGER })).length;
  }

  async listStates(filter: CaseListFilter): Promise<CaseState[]> {
    return [...this.byId.values()]
      .filter((c) => !filter.organizationId || c.organizationId === filter.organizationId)
      .slice(0, filter.limit ?? 100);
  }
}

export class InMemoryChatLinks implements ChatLinkRepository {
  private readonly links: ChatLink[] = [];
  private readonly intakes = new Map<string, { caseId: string; at: Date }>();

  async save(link: ChatLink): Promise<void> {
    this.links.push(link);
  }

  async find(caseId: string, role: ChatLink['role']) {
    return this.links.find((l) => l.caseId === caseId && l.role === role);
  }

  async findThread(address: string, threadId: string): Promise<ThreadOwner | undefined> {
    const link = this.links.find((l) => l.address === address && l.threadId === threadId);
    return link ? { caseId: link.caseId, role: link.role } : undefined;
  }

  async recentIntake(address: string, contactId: string, now: Date, windowMs: number) {
    const intake = this.intakes.get(`${address}|${contactId}`);
    if (!intake || now.getTime() - intake.at.getTime() > windowMs) return undefined;
    return intake.caseId;
  }

  async rememberIntake(address: string, contactId: string, caseId: string, at: Date) {
    this.intakes.set(`${address}|${contactId}`, { caseId, at });
  }

  readonly intents = new Map<string, PostIntent>();

  async recordIntent(intent: PostIntent) {
    this.intents.set(`${intent.caseId}|${intent.slot}`, intent);
  }

  async findIntent(caseId: string, slot: PostSlot) {
    return this.intents.get(`${caseId}|${slot}`);
  }

  async markPosted(caseId: string, slot: PostSlot, entryId: string, messageId: string) {
    const intent = this.intents.get(`${caseId}|${slot}`);
    if (intent?.entryId === entryId)
      this.intents.set(`${caseId}|${slot}`, { ...intent, messageId });
  }
}
