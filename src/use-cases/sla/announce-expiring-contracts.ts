import type { Contract, Organization, Queue } from '../../domain/directory.js';
import type { AlertRecipient } from '../../domain/sla/index.js';
import type { Clock, IdGenerator } from '../../ports/clock.js';
import type { DirectoryRepository } from '../../ports/directory-repository.js';
import type { Announcement } from '../../ports/notifier.js';
import { ONCE_KEY_STALE_MS, type OnceKeys } from '../../ports/once-keys.js';

export interface AnnounceContractsDeps {
  readonly directory: Pick<
    DirectoryRepository,
    'listOrganizations' | 'listContracts' | 'listQueues' | 'findAgentByEmail'
  >;
  /** Each notice's key makes it go out once, and again if a run died before posting. */
  readonly keys: OnceKeys;
  readonly announce: (announcement: Announcement) => Promise<void>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly noticeDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The queue that serves an organization: one whose routing names it, else the default. */
const queueFor = (organization: Organization, queues: readonly Queue[]): Queue | undefined =>
  queues.find((queue) =>
    queue.routing.some((rule) => rule.organizations?.includes(organization.key)),
  ) ?? queues.find((queue) => queue.isDefault);

/**
 * The daily contract check: each contract that expires within the notice period, and
 * has no later contract of the same organization after it (a renewal), is announced
 * once to the lead of the queue that serves the organization (its triage channel when
 * the queue has no manager). A notice that could not be posted gives its key back and
 * the run fails after trying the others, so the job's retry (or tomorrow's run) sends
 * it, and only it, again.
 */
export const makeAnnounceExpiringContracts =
  (deps: AnnounceContractsDeps) => async (): Promise<{ announced: string[] }> => {
    const now = deps.clock.now();
    const today = isoDay(now);
    const horizon = isoDay(new Date(now.getTime() + deps.noticeDays * DAY_MS));
    const [organizations, queues] = await Promise.all([
      deps.directory.listOrganizations(),
      deps.directory.listQueues(),
    ]);
    const announced: string[] = [];
    const failures: { contract: string; error: unknown }[] = [];
    for (const organization of organizations) {
      const contracts = await deps.directory.listContracts(organization.id);
      const latest = contracts.reduce<Contract | undefined>(
        (best, c) => (!best || c.expiresOn > best.expiresOn ? c : best),
        undefined,
      );
      if (!latest || latest.expiresOn < today || latest.expiresOn > horizon) continue;
      const runId = deps.newId();
      const key = `contract-notice:${latest.id}:${latest.expiresOn}`;
      if (!(await deps.keys.claim(key, runId, ONCE_KEY_STALE_MS))) continue;
      const queue = queueFor(organization, queues);
      const manager = queue?.managerEmail
        ? await deps.directory.findAgentByEmail(queue.managerEmail)
        : undefined;
      const recipients: AlertRecipient[] = manager?.active
        ? [{ kind: 'agent', id: manager.id, name: manager.name, as: 'queue lead' }]
        : queue?.triageChannel
          ? [{ kind: 'channel', address: queue.triageChannel, as: 'triage channel' }]
          : [];
      const days = Math.round(
        (Date.parse(`${latest.expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS,
      );
      try {
        await deps.announce({
          id: key,
          kind: 'contract-expiring',
          text: `${organization.name}: contract ${latest.key} (${latest.level}) expires on ${latest.expiresOn}, in ${days} day${days === 1 ? '' : 's'}.`,
          recipients,
        });
        await deps.keys.complete(key, runId);
        announced.push(latest.key);
      } catch (error) {
        await deps.keys.release(key, runId);
        failures.push({ contract: latest.key, error });
      }
    }
    if (failures.length > 0) {
      throw new AggregateError(
        failures.map((failure) => failure.error),
        `contract notices not sent (retried): ${failures.map((f) => f.contract).join(', ')}` +
          (announced.length > 0 ? `; sent: ${announced.join(', ')}` : ''),
      );
    }
    return { announced };
  };
