/**
 * What every case store must do, whatever keeps the data: run against the in-memory store
 * (unit project) and the Mongo one on the real server (integration project), so the
 * use-case tests that run on the in-memory store prove something about production.
 * The case tests work in an organization of their own each, so one store serves them all.
 */
import type { CaseState } from '../../src/domain/case/types.js';
import type { CaseRepository } from '../../src/ports/case-repository.js';
import { at, change, entry, fresh, type CaseStoreSubject } from './case-fixtures.js';

export type { CaseStoreSubject } from './case-fixtures.js';

export const describeCaseStoreContract = (
  kind: string,
  open: () => Promise<CaseStoreSubject>,
): void =>
  describe(`the case store contract (${kind})`, () => {
    let subject: CaseStoreSubject;
    let cases: CaseRepository;
    let org = 0;
    const newOrg = () => `contract-org-${(org += 1)}-${Math.random().toString(36).slice(2, 8)}`;
    beforeAll(async () => {
      subject = await open();
      ({ cases } = subject);
    });
    afterAll(() => subject.close());

    describe('cases', () => {
      it('reads back what was inserted, by id, number (any case) and intake key', async () => {
        const state = fresh({ impact: 'Month-end blocked' });
        expect(await cases.insert(state)).toEqual({ inserted: true });
        for (const found of [
          await cases.findById(state.id),
          await cases.findByNumber(state.number.toLowerCase()),
          await cases.findByIntakeKey(state.intakeKey),
        ])
          expect(found).toMatchObject({ ...state });
        expect(await cases.findById('no-such-case')).toBeUndefined();
      });

      it('replays an insert with a taken intake key as the first case', async () => {
        const first = fresh();
        await cases.insert(first);
        const replay = { ...fresh(), intakeKey: first.intakeKey };
        const outcome = await cases.insert(replay);
        expect(outcome).toMatchObject({ inserted: false, existing: { id: first.id } });
        expect(await cases.findById(replay.id)).toBeUndefined();
      });

      it('reserves an intake key once; only its owner gives it back', async () => {
        const key = `contract-key-${newOrg()}`;
        expect(await cases.claimIntakeKey(key, 'case-a')).toBe('case-a');
        expect(await cases.claimIntakeKey(key, 'case-b')).toBe('case-a');
        await cases.releaseIntakeKey(key, 'case-b');
        expect(await cases.claimIntakeKey(key, 'case-c')).toBe('case-a');
        await cases.releaseIntakeKey(key, 'case-a');
        expect(await cases.claimIntakeKey(key, 'case-c')).toBe('case-c');
      });

      it('finds the case behind a reservation, and nothing for a reservation alone', async () => {
        const state = fresh();
        const key = `contract-key-${newOrg()}`;
        await cases.claimIntakeKey(key, state.id);
        expect(await cases.findByIntakeClaim(key)).toBeUndefined();
        await cases.insert(state);
        expect(await cases.findByIntakeClaim(key)).toMatchObject({ id: state.id });
        expect(await cases.findByIntakeClaim('never-reserved')).toBeUndefined();
      });

      it('hands out increasing sequence numbers from the start given', async () => {
        const a = await cases.nextSeq(1000);
        const b = await cases.nextSeq(1000);
        expect(a).toBeGreaterThan(1000);
        expect(b).toBe(a + 1);
      });

      it('commits at the expected version only: the loser of a race gets nothing', async () => {
        const state = fresh();
        await cases.insert(state);
        const claim = (name: string) =>
          cases.commit(
            state.id,
            state.version,
            change({ set: { assigneeId: name, assigneeName: name, updatedAt: at(2) } }),
            [],
          );
        const [a, b] = await Promise.all([claim('ana'), claim('ben')]);
        const winners = [a, b].filter(Boolean);
        expect(winners).toHaveLength(1);
        expect(winners[0]).toMatchObject({ version: state.version + 1 });
        expect(await cases.findById(state.id)).toMatchObject({
          version: state.version + 1,
          assigneeId: winners[0]!.assigneeId,
        });
        expect(await cases.commit('no-such-case', 1, change(), [])).toBeUndefined();
      });

      it('applies a change as one update: set, clear, append, add up', async () => {
        const state = fresh({ assigneeId: 'ana', assigneeName: 'Ana', minutesLogged: 5 });
        await cases.insert(state);
        const event = {
          id: `${state.id}-e1`,
          type: 'note' as const,
          at: at(3),
          actor: { kind: 'staff' as const, id: 'ana', name: 'Ana', role: 'agent' as const },
          visibility: 'internal' as const,
          text: 'checked the logs',
        };
        const after = await cases.commit(
          state.id,
          state.version,
          change({
            set: { status: 'open', assigneeId: null, assigneeName: null, updatedAt: at(3) },
            events: [event],
            addMinutes: 10,
          }),
          [entry(`${state.id}-o1`)],
        );
        const stored = await cases.findById(state.id);
        for (const read of [after, stored]) {
          expect(read).toMatchObject({ status: 'open', minutesLogged: 15, events: [event] });
          expect(read?.assigneeId).toBeUndefined();
          expect(read?.outbox.map((e) => e.id)).toEqual([`${state.id}-o1`]);
        }
      });

      it('lists by every filter, urgent first, then oldest first, up to the limit', async () => {
        const organizationId = newOrg();
        const put = async (overrides: Partial<CaseState>) => {
          const state = fresh({ organizationId, ...overrides });
          await cases.insert(state);
          return state.id;
        };
        const oldNormal = await put({ createdAt: at(1), queueKey: 'finance' });
        const urgent = await put({ createdAt: at(5), priority: 'urgent', assigneeId: 'ana' });
        const newNormal = await put({ createdAt: at(3), contactId: 'contact-dave' });
        const solved = await put({
          createdAt: at(0),
          status: 'solved',
          statusCategory: 'solved',
          updatedAt: at(9),
        });
        const ids = async (filter: object) =>
          (await cases.list({ organizationId, ...filter })).map((s) => s.id);
        expect(await ids({})).toEqual([urgent, solved, oldNormal, newNormal]);
        expect(await ids({ limit: 2 })).toEqual([urgent, solved]);
        expect(await cases.count({ organizationId, limit: 2 })).toBe(4);
        expect(await ids({ statusCategories: ['new'] })).toEqual([urgent, oldNormal, newNormal]);
        expect(await ids({ status: 'solved' })).toEqual([solved]);
        expect(await ids({ queueKey: 'finance' })).toEqual([urgent, solved, oldNormal, newNormal]);
        expect(await ids({ assigneeId: 'ana' })).toEqual([urgent]);
        expect(await ids({ unassigned: true })).toEqual([solved, oldNormal, newNormal]);
        expect(await ids({ contactId: 'contact-dave' })).toEqual([newNormal]);
        expect(await ids({ updatedSince: at(5) })).toEqual([solved]);
        expect(await ids({ unsolvedOrCreatedSince: at(1) })).toEqual([
          urgent,
          oldNormal,
          newNormal,
        ]);
        expect(await ids({ unsolvedOrCreatedSince: at(0) })).toEqual([
          urgent,
          solved,
          oldNormal,
          newNormal,
        ]);
        expect(await cases.count({ organizationId, statusCategories: ['solved'] })).toBe(1);
      });

      it('lists summaries without the history, and whole states in the same order', async () => {
        const organizationId = newOrg();
        const a = fresh({ organizationId, createdAt: at(2), assigneeName: 'Ana', assigneeId: 'a' });
        const b = fresh({ organizationId, createdAt: at(1) });
        await cases.insert(a);
        await cases.insert(b);
        const [first, second] = await cases.list({ organizationId });
        expect(first).toEqual({
          id: b.id,
          number: b.number,
          title: b.title,
          status: b.status,
          statusCategory: b.statusCategory,
          priority: b.priority,
          queueKey: b.queueKey,
          organizationId,
          organizationKey: b.organizationKey,
          contactName: b.contactName,
          createdAt: b.createdAt,
          updatedAt: b.updatedAt,
        });
        expect(second).toMatchObject({ id: a.id, assigneeId: 'a', assigneeName: 'Ana' });
        const states = await cases.listStates({ organizationId });
        expect(states.map((s) => s.id)).toEqual([b.id, a.id]);
        expect(states[0]).toMatchObject({ ...b });
      });

      it('scans every matching case past any limit, without its outbox or attachments', async () => {
        const organizationId = newOrg();
        const states = [0, 1, 2].map((i) =>
          fresh({
            organizationId,
            createdAt: at(i),
            ...(i === 2 ? { status: 'solved', statusCategory: 'solved' as const } : {}),
            outbox: [entry(`scan-${i}`)],
          }),
        );
        for (const state of states) await cases.insert(state);
        const scanned = [];
        for await (const c of cases.scanStates({ organizationId, limit: 1 })) scanned.push(c);
        expect(scanned.map((c) => c.id).sort()).toEqual(states.map((s) => s.id).sort());
        const { outbox: _outbox, attachments: _attachments, ...first } = states[0]!;
        expect(scanned.find((c) => c.id === first.id)).toEqual(first);
        expect(scanned[0]).not.toHaveProperty('outbox');
        const open = [];
        for await (const c of cases.scanStates({ organizationId, statusCategories: ['new'] }))
          open.push(c.id);
        expect(open.sort()).toEqual([states[0]!.id, states[1]!.id].sort());
      });

      it('hands out copies: changing what was read changes nothing stored', async () => {
        const state = fresh();
        await cases.insert(state);
        const read = (await cases.findById(state.id)) as { title: string } | undefined;
        read!.title = 'changed in memory';
        expect((await cases.findById(state.id))?.title).toBe(state.title);
      });
    });
  });
