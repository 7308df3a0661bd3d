/**
 * What every agent-status store must do: run against the in-memory one (unit project) and
 * MongoAgentStatus on the real server (integration project). Agent ids are unique per test.
 */
import type { AgentStatus } from '../../src/domain/availability.js';
import type { BusinessCalendar } from '../../src/domain/sla/types.js';
import type { AgentAvailability } from '../../src/ports/agent-availability.js';
import type { AgentStatusStore, WorkingCalendars } from '../../src/ports/agent-status.js';

export interface AgentStatusSubject {
  readonly store: AgentStatusStore & AgentAvailability;
  close(): Promise<void>;
}

/** Monday to Friday 09:00–17:00 UTC. */
export const OFFICE: BusinessCalendar = {
  name: 'office',
  timeZone: 'UTC',
  hours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [
      d,
      [{ from: '09:00', to: '17:00' }],
    ]),
  ),
  holidays: [],
};

/** Agents whose id starts with `office-` work OFFICE hours; the others any hour. */
export const contractCalendars: WorkingCalendars = async (ids) =>
  new Map(ids.map((id) => [id, id.startsWith('office-') ? OFFICE : undefined]));

// Monday 2026-12-07.
const monday = (time: string) => new Date(`2026-12-07T${time}:00Z`);
const since = monday('08:00');

export const describeAgentStatusContract = (
  kind: string,
  open: () => Promise<AgentStatusSubject>,
): void =>
  describe(`the agent status contract (${kind})`, () => {
    let subject: AgentStatusSubject;
    let store: AgentStatusSubject['store'];
    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(() => subject.close());

    it('keeps one status per agent, the latest replacing the earlier', async () => {
      const away: AgentStatus = { agentId: 'k1', state: 'away', until: monday('12:00'), since };
      await store.setStatus(away);
      expect(await store.statusesOf(['k1', 'k2'])).toEqual(new Map([['k1', away]]));
      const back: AgentStatus = { agentId: 'k1', state: 'available', since: monday('09:00') };
      await store.setStatus(back);
      expect((await store.statusesOf(['k1'])).get('k1')).toEqual(back);
    });

    it('answers an empty question with nothing', async () => {
      expect((await store.statusesOf([])).size).toBe(0);
      expect((await store.availableAmong([], monday('10:00'))).size).toBe(0);
    });

    it('leaves out the away, the off-hours, and nobody else', async () => {
      await store.setStatus({ agentId: 'a-away', state: 'away', since });
      await store.setStatus({ agentId: 'a-back', state: 'available', since });
      await store.setStatus({ agentId: 'a-ended', state: 'away', until: monday('09:30'), since });
      const ids = ['a-away', 'a-back', 'a-ended', 'a-never', 'office-a'];
      expect([...(await store.availableAmong(ids, monday('10:00')))].sort()).toEqual([
        'a-back',
        'a-ended',
        'a-never',
        'office-a',
      ]);
      expect([...(await store.availableAmong(ids, monday('18:00')))].sort()).toEqual([
        'a-back',
        'a-ended',
        'a-never',
      ]);
    });
  });
