/**
 * `caseline report sla --by`, `report backlog` and `report metrics`, run as the real CLI
 * against a database where the desk worked cases through the core on the same database:
 * one solved at first contact, one answered, moved to another queue and reopened, one the
 * customer solved with a KB article, one waiting on the customer.
 */
import { pino } from 'pino';
import { composeCore, type Core } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import { connectMongo } from '../../src/infra/mongo-connection.js';
import { actorsOf, RecordingNotifier } from '../support/core-fixture.js';
import { caselineOrFail, cliDatabase, importExamples } from '../support/cli.js';
import { articleDraft } from '../support/kb-article.js';

const database = cliDatabase('metricsreport');
const caseline = (...args: string[]) => caselineOrFail(database, args);
const CONTACT = 'anna.schmidt@northwind-logistics.example';
const PRIYA = 'priya.raman@ledgerline.example';
const JUN = 'jun.park@ledgerline.example';

const withCore = async (run: (core: Core) => Promise<void>) => {
  const connection = await connectMongo(database);
  try {
    const core = await composeCore({
      config: loadConfig({ CASELINE_CONFIG: 'caseline.example.yaml', LOG_LEVEL: 'silent' }),
      connection,
      log: pino({ level: 'silent' }),
      notifier: new RecordingNotifier(),
    });
    await run(core);
  } finally {
    await connection.close();
  }
};

const openByCli = async (title: string, priority: string): Promise<string> => {
  const opened = await caseline(
    'case',
    'open',
    ...['--contact', CONTACT, '--title', title, '--channel', 'phone', '--priority', priority],
  );
  return /CASE-\d+/.exec(opened.stdout)![0];
};

const must = <T>(result: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

interface Tally {
  met: number;
  breached: number;
  running: number;
  paused: number;
  deflected: number;
}
interface Group {
  name: string;
  deflections: number;
  clocks: Record<'firstResponse' | 'resolution', Tally>;
}

let firstQueue = '';

describe('caseline report sla --by, backlog and metrics', () => {
  beforeAll(async () => {
    await importExamples(database, ['organizations', 'products', 'queues', 'agents', 'contacts']);
    const [oneTouch, moved, deflected, waiting] = [
      await openByCli('Invoice export fails', 'high'),
      await openByCli('Ledger totals off by a cent', 'normal'),
      await openByCli('How do I export to SEPA XML', 'normal'),
      await openByCli('Payroll run is slow', 'low'),
    ];
    await withCore(async (core) => {
      const { agent, customer } = actorsOf(core.directory);
      const [priya, jun, anna] = [await agent(PRIYA), await agent(JUN), await customer(CONTACT)];
      const ref = (caseNumber: string) => ({ caseNumber });
      // Solved at first contact: one reply, then the resolution.
      must(
        await core.useCases.assignCase({
          ref: ref(oneTouch!),
          actor: priya,
          assigneeId: priya.agentId,
        }),
      );
      must(
        await core.useCases.replyToCustomer({
          ref: ref(oneTouch!),
          actor: priya,
          text: 'Fixed the export rule.',
          minutes: 20,
        }),
      );
      must(
        await core.useCases.resolveCase({
          ref: ref(oneTouch!),
          actor: priya,
          resolution: { type: 'fixed', text: 'Export rule fixed.' },
        }),
      );
      // Answered by Jun in its first queue, moved to retail, solved, reopened by the customer.
      must(
        await core.useCases.assignCase({ ref: ref(moved!), actor: priya, assigneeId: jun.agentId }),
      );
      must(
        await core.useCases.replyToCustomer({
          ref: ref(moved!),
          actor: jun,
          text: 'Looking into the rounding.',
        }),
      );
      const before = must(await core.useCases.getCase({ ref: ref(moved!), actor: priya }));
      firstQueue = before.audience === 'staff' ? before.case.queueKey : '';
      must(
        await core.useCases.moveCaseToQueue({ ref: ref(moved!), actor: priya, queueKey: 'retail' }),
      );
      must(
        await core.useCases.resolveCase({
          ref: ref(moved!),
          actor: jun,
          resolution: { type: 'fixed', text: 'Rounding fixed.' },
        }),
      );
      must(await core.useCases.reopenCase({ ref: ref(moved!), actor: anna }));
      // Solved by the customer with an article: a deflection.
      must(
        await core.kb.useCases.saveKbArticle({
          actor: { kind: 'system', name: 'test' },
          article: articleDraft({ slug: 'sepa-xml', title: 'Export to SEPA XML' }),
        }),
      );
      const accepted = must(
        await core.kb.useCases.acceptKbArticle({
          ref: ref(deflected!),
          actor: anna,
          slug: 'sepa-xml',
        }),
      );
      if (!accepted.changed) throw new Error('not self-solved');
      // Waiting on the customer, with time logged.
      must(
        await core.useCases.transitionCase({
          ref: ref(waiting!),
          actor: priya,
          to: 'waiting-on-customer',
          minutes: 30,
        }),
      );
      while (await core.deliverOutbox());
    });
  }, 180_000);

  it('breaks SLA attainment down by agent: each clock for its owner when it stopped', async () => {
    const report = JSON.parse(
      (await caseline('report', 'sla', '--by', 'agent', '--json')).stdout,
    ) as {
      cases: number;
      deflections: number;
      byAgent: Group[];
      byQueue: Group[];
    };
    expect(report.cases).toBe(4);
    expect(report.deflections).toBe(1);
    const agent = (name: string) => report.byAgent.find((g) => g.name === name);
    expect(agent('Priya Raman')?.clocks.firstResponse).toMatchObject({ met: 1, deflected: 0 });
    expect(agent('Priya Raman')?.clocks.resolution).toMatchObject({ met: 1 });
    expect(agent('Jun Park')?.clocks.firstResponse).toMatchObject({ met: 1 });
    // Reopened: the resolution is owed again, by its owner now.
    expect(agent('Jun Park')?.clocks.resolution.met).toBe(0);
    expect(agent('Unassigned')).toMatchObject({ deflections: 1 });
    const queue = (name: string) => report.byQueue.find((g) => g.name === name);
    expect(queue('retail')?.clocks.firstResponse.met).toBe(0);
    expect(queue('retail')?.clocks.resolution.met).toBe(0);
    expect(queue(firstQueue)?.clocks.firstResponse.met).toBeGreaterThanOrEqual(1);
    const text = (await caseline('report', 'sla', '--by', 'queue')).stdout;
    expect(text).toMatch(/\nBy queue \(where the case was when the clock stopped\)\n {2}/);
    expect(text).not.toMatch(/\nBy organization\n/);
    const refused = await caseline('report', 'sla', '--by', 'moon').catch((error: Error) => error);
    expect(String(refused)).toMatch(/argument 'moon' is invalid/);
  }, 60_000);

  it('lists the backlog by status and age, with the languishing limit of its status', async () => {
    const report = JSON.parse((await caseline('report', 'backlog', '--json')).stdout) as {
      open: number;
      byStatus: {
        status: string;
        open: number;
        ages: Record<string, number>;
        languishingAfterMinutes?: number;
        languishing: number;
      }[];
    };
    expect(report.open).toBe(2);
    expect(report.byStatus.map((r) => [r.status, r.open])).toEqual([
      ['on-hand', 1],
      ['waiting-on-customer', 1],
    ]);
    expect(report.byStatus[1]).toMatchObject({
      languishingAfterMinutes: 2400,
      languishing: 0,
      ages: { under1d: 1 },
    });
    const text = (await caseline('report', 'backlog', '--days', '7')).stdout;
    expect(text).toMatch(/^Backlog: 2 open cases by status and age since opening\n/);
    expect(text).toMatch(
      /\n {2}Waiting on customer +1 +1 +0 +0 +0 +0 {2}0 past its limit of 40 business hours\n/,
    );
  }, 60_000);

  it('gives reopen rate, first-contact resolution, deflection rate and time logged', async () => {
    const report = JSON.parse(
      (await caseline('report', 'metrics', '--days', '7', '--json')).stdout,
    ) as Record<string, unknown>;
    expect(report).toMatchObject({
      days: 7,
      opened: 4,
      solved: 2,
      reopened: { count: 1, of: 3 },
      firstContactResolution: { count: 1, of: 1, rate: 1 },
      deflected: { count: 1, of: 4, rate: 0.25 },
      firstReply: { count: 2 },
      resolution: { count: 1 },
      timeLogged: { totalMinutes: 50, byAgent: [{ name: 'Priya Raman', minutes: 50 }] },
    });
    const text = (await caseline('report', 'metrics', '--days', '7')).stdout;
    expect(text).toMatch(/\n {2}KB deflection rate +25\.0 % {2}\(1 of 4 opened\)\n/);
    expect(text).toMatch(
      /\n {2}First-contact resolution +100\.0 % {2}\(1 of 1 solved by the desk\)\n/,
    );
  }, 60_000);
});
