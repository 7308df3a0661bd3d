/**
 * `caseline report csat` and `caseline report workload`, run as the real CLI against a
 * database where the desk worked cases: opened by the CLI, owned, solved, closed and
 * rated through the core on the same database.
 */
import { pino } from 'pino';
import { composeCore, type Core } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import { connectMongo } from '../../src/infra/mongo-connection.js';
import { actorsOf } from '../support/core-fixture.js';
import { RecordingNotifier } from '../support/core-fixture.js';
import { caselineOrFail, cliDatabase, importExamples } from '../support/cli.js';

const database = cliDatabase('deskreport');
const caseline = (...args: string[]) => caselineOrFail(database, args);
const CONTACT = 'anna.schmidt@northwind-logistics.example';
const PRIYA = 'priya.raman@ledgerline.example';

const withCore = async (run: (core: Core) => Promise<void>) => {
  const connection = await connectMongo(database);
  try {
    const core = await composeCore({
      // The CLI's config, with surveys on: the desk's own process asks the questions.
      config: {
        ...loadConfig({ CASELINE_CONFIG: 'caseline.example.yaml', LOG_LEVEL: 'silent' }),
        csat: { send: 'every', samplePercent: 100, delayMinutes: 0, lowScoreAtMost: 2 },
      },
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

describe('caseline report csat and workload', () => {
  beforeAll(async () => {
    await importExamples(database, ['organizations', 'products', 'queues', 'agents', 'contacts']);
    const numbers = [
      await openByCli('Invoice export fails', 'high'),
      await openByCli('Ledger totals off by a cent', 'normal'),
      await openByCli('Payroll run is slow', 'urgent'),
    ];
    await withCore(async (core) => {
      const { agent, customer } = actorsOf(core.directory);
      const priya = await agent(PRIYA);
      const anna = await customer(CONTACT);
      const away = await core.useCases.setAvailability({
        actor: await agent('lena.vogt@ledgerline.example'),
        state: 'away',
      });
      if (!away.ok) throw new Error(away.message);
      for (const number of numbers) {
        const ref = { caseNumber: number };
        const assigned = await core.useCases.assignCase({
          ref,
          actor: priya,
          assigneeId: priya.agentId,
        });
        if (!assigned.ok) throw new Error(assigned.message);
      }
      // Two of the three are solved, closed and rated 5 and 2; the third stays open.
      for (const [number, score] of [
        [numbers[0]!, 5],
        [numbers[1]!, 2],
      ] as const) {
        const ref = { caseNumber: number };
        await core.useCases.resolveCase({
          ref,
          actor: priya,
          resolution: { type: 'fixed', text: 'Fixed the export.' },
        });
        while (await core.deliverOutbox());
        const closed = await core.useCases.closeCase({ ref, actor: anna });
        if (!closed.ok) throw new Error(closed.message);
        // A phone case has no chat to ask in: the survey is recorded as a chat would.
        const entry = closed.value.case.outbox.find((e) => e.topic === 'csat-survey')!;
        await core.useCases.sendCsatSurvey(closed.value.case.id, entry.id);
        const answered = await core.useCases.answerCsat({ ref, actor: anna, score });
        if (!answered.ok) throw new Error(answered.message);
      }
    });
  }, 180_000);

  it('reports satisfaction by agent, queue and organization', async () => {
    const report = JSON.parse(
      (await caseline('report', 'csat', '--days', '7', '--json')).stdout,
    ) as {
      total: { answers: number; average: number; satisfiedPercent: number };
      byAgent: { name: string; answers: number }[];
      byOrganization: { name: string; answers: number }[];
    };
    expect(report.total).toEqual({ answers: 2, average: 3.5, satisfiedPercent: 50 });
    expect(report.byAgent).toEqual([expect.objectContaining({ name: 'Priya Raman', answers: 2 })]);
    expect(report.byOrganization.map((o) => o.name)).toEqual(['Northwind Logistics GmbH']);
    const text = (await caseline('report', 'csat')).stdout;
    expect(text).toMatch(/^Customer satisfaction, last 30 days/);
    expect(text).toMatch(/\n {2}Priya Raman +2 +3\.50 +50\.0 %\n/);
  }, 60_000);

  it('reports open cases per agent by priority, with availability', async () => {
    const rows = JSON.parse((await caseline('report', 'workload', '--json')).stdout) as {
      name: string;
      open: number;
      available: boolean | null;
      byPriority: Record<string, number>;
    }[];
    expect(rows[0]).toEqual(
      expect.objectContaining({ name: 'Priya Raman', open: 1, available: true }),
    );
    expect(rows[0]!.byPriority).toEqual({ urgent: 1, high: 0, normal: 0, low: 0 });
    // Availability as the agents set it: Lena said she is away.
    expect(rows.find((r) => r.name === 'Lena Vogt')).toEqual(
      expect.objectContaining({ open: 0, available: false }),
    );
    expect(rows.at(-1)).toEqual(expect.objectContaining({ name: 'Unassigned', open: 0 }));
    const text = (await caseline('report', 'workload')).stdout;
    expect(text).toMatch(/\nPriya Raman +1 +1 +0 +0 +0 {2}available\n/);
    expect(text).toMatch(/\nLena Vogt +0 +0 +0 +0 +0 {2}not available\n/);
  }, 60_000);
});
