/**
 * `caseline report time`, run as the real CLI against a database where contracts with
 * rates were imported (JSON and CSV) and time was logged on cases in November and
 * December through the core on the same database, by a clock the test sets.
 */
import { parse } from 'csv-parse/sync';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { composeCore, type Core } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import { connectMongo } from '../../src/infra/mongo-connection.js';
import { actorsOf, ManualClock, RecordingNotifier } from '../support/core-fixture.js';
import { caselineOrFail, cliDatabase, importExamples, runCaseline } from '../support/cli.js';

const database = cliDatabase('timereport');
const caseline = (...args: string[]) => caselineOrFail(database, args);
const clock = new ManualClock(new Date('2026-11-02T08:00:00Z'));
const folder = mkdtempSync(join(tmpdir(), 'caseline-time-'));

const CONTRACT = {
  level: 'gold',
  slaPolicy: 'gold-24x7',
  startsOn: '2024-01-01',
  expiresOn: '2027-12-31',
};
const contractsJson = join(folder, 'contracts.json');
writeFileSync(
  contractsJson,
  JSON.stringify([
    {
      ...CONTRACT,
      key: 'NWL-2024-0117',
      organizationKey: 'northwind-logistics',
      supportKeys: ['NWL-ERP-7Q4M-2KXD'],
      rates: {
        currency: 'EUR',
        perHour: 120,
        priorities: { urgent: '180.00' },
        products: { 'ledgerline-erp': { priorities: { urgent: 200 } } },
        roundUpToMinutes: 15,
        includedHoursPerMonth: 1,
      },
    },
    // No rates: its time is listed without an amount.
    { ...CONTRACT, key: 'KHP-2025-0009', organizationKey: 'kestrel-health', supportKeys: [] },
  ]),
);
const contractsCsv = join(folder, 'contracts.csv');
writeFileSync(
  contractsCsv,
  'key,organizationKey,level,slaPolicy,startsOn,expiresOn,supportKeys,rates\n' +
    'HBF-2024-0078,harbor-foods,silver,silver-business-hours,2024-04-01,2027-03-31,HBF-POS-3ZW9-41CE,' +
    '"{""currency"":""GBP"",""perHour"":""90.00""}"\n',
);

const withCore = async (run: (core: Core) => Promise<void>) => {
  const connection = await connectMongo(database);
  try {
    const core = await composeCore({
      config: loadConfig({ CASELINE_CONFIG: 'caseline.example.yaml', LOG_LEVEL: 'silent' }),
      connection,
      log: pino({ level: 'silent' }),
      notifier: new RecordingNotifier(),
      clock,
    });
    await run(core);
  } finally {
    await connection.close();
  }
};

const must = <T>(result: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('caseline report time', () => {
  beforeAll(async () => {
    await importExamples(database, [
      'organizations',
      'products',
      'queues',
      'agents',
      'contacts',
      'installations',
    ]);
    await caseline('import', 'contracts', contractsJson);
    await caseline('import', 'contracts', contractsCsv);
    await withCore(async (core) => {
      const { agent, contact } = actorsOf(core.directory);
      const priya = await agent('priya.raman@ledgerline.example');
      const at = async (when: string, act: () => Promise<unknown>) => {
        clock.set(new Date(when));
        await act();
      };
      const open = async (email: string, title: string, supportKey?: string) => {
        const requester = await contact(email);
        return must(
          await core.useCases.openCase({
            actor: priya,
            contactId: requester.id,
            title,
            description: '',
            priority: 'normal',
            ...(supportKey ? { supportKey } : {}),
            origin: { channel: 'phone' },
          }),
        ).case.number;
      };
      const log = (caseNumber: string, minutes: number, note?: string) =>
        core.useCases
          .logTime({ ref: { caseNumber }, actor: priya, minutes, ...(note ? { note } : {}) })
          .then(must);
      clock.set(new Date('2026-11-02T08:00:00Z'));
      const erp = await open(
        'anna.schmidt@northwind-logistics.example',
        'Invoice export fails',
        'NWL-ERP-7Q4M-2KXD',
      );
      const pos = await open(
        'grace.okafor@harborfoods.example',
        'Till 4 declines',
        'HBF-POS-3ZW9-41CE',
      );
      const kestrel = await open('sofia.marin@kestrelhealth.example', 'Report is slow');
      await at('2026-10-31T12:00:00Z', () => log(erp, 5)); // before the month: not billed in it
      await at('2026-11-03T09:00:00Z', () => log(erp, 50, 'Traced the export')); // 60 billed, all included
      await at('2026-11-04T09:00:00Z', () =>
        core.useCases
          .replyToCustomer({ ref: { caseNumber: erp }, actor: priya, text: 'Fixed?', minutes: 10 })
          .then(must),
      ); // 15 billed at 120.00: 30.00
      await at('2026-11-05T09:00:00Z', () =>
        core.useCases
          .setCasePriority({ ref: { caseNumber: erp }, actor: priya, priority: 'urgent' })
          .then(must),
      );
      await at('2026-11-06T09:00:00Z', () => log(erp, 20)); // 30 billed at 200.00: 100.00
      await at('2026-11-10T09:00:00Z', () => log(pos, 45)); // 45 at 90.00: 67.50
      await at('2026-11-11T09:00:00Z', () => log(kestrel, 30));
      await at('2026-12-01T00:00:00Z', () => log(erp, 30)); // December
    });
  }, 180_000);

  it('gives minutes per case and action with the amount, for one organization', async () => {
    const text = (
      await caseline('report', 'time', '--org', 'northwind-logistics', '--month', '2026-11')
    ).stdout;
    expect(text).toMatch(/^Time logged in 2026-11 \(UTC\), 3 entries\n/);
    expect(text).toMatch(
      /\nNorthwind Logistics GmbH \(northwind-logistics\) +80 +105 +60 +45 {2}EUR 130\.00\n/,
    );
    expect(text).toMatch(/\n {2}CASE-\d+ Invoice export fails +80 +105 +60 +45 {2}EUR 130\.00\n/);
    expect(text).toMatch(/\n {4}replied +10 +15 +0 +15 {2}EUR 30\.00\n/);
    expect(text).toMatch(/\n {4}time-logged +70 +90 +60 +30 {2}EUR 100\.00\n/);
    expect(text).not.toMatch(/Harbor|Kestrel/);
  }, 60_000);

  it('reports every organization, in its currency or without rates', async () => {
    const report = JSON.parse(
      (await caseline('report', 'time', '--month', '2026-11', '--json')).stdout,
    ) as {
      organizations: {
        organizationKey: string;
        minutes: number;
        amounts: Record<string, number>;
      }[];
    };
    expect(report.organizations.map((o) => [o.organizationKey, o.minutes, o.amounts])).toEqual([
      ['harbor-foods', 45, { GBP: 6750 }],
      ['kestrel-health', 30, {}],
      ['northwind-logistics', 80, { EUR: 13000 }],
    ]);
    const text = (await caseline('report', 'time', '--month', '2026-11')).stdout;
    expect(text).toMatch(
      /\nKestrel Health Partners \(kestrel-health\) +30 +30 +0 +0 {2}no rates\n/,
    );
  }, 60_000);

  it('writes the month’s invoice lines, one row per time entry, every organization in one CSV', async () => {
    const csv = (await caseline('report', 'time', '--month', '2026-11', '--csv')).stdout;
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'month',
      'organization',
      'organizationName',
      'contract',
      'caseNumber',
      'caseTitle',
      'product',
      'priority',
      'at',
      'agent',
      'action',
      'minutesLogged',
      'minutesBilled',
      'minutesIncluded',
      'minutesCharged',
      'currency',
      'ratePerHour',
      'rateRule',
      'amount',
      'eventId',
    ]);
    const pick = (row: Record<string, string>) =>
      [
        row.organization,
        row.contract,
        row.at,
        row.action,
        row.priority,
        row.minutesLogged,
        row.minutesBilled,
        row.minutesIncluded,
        row.minutesCharged,
        row.currency,
        row.ratePerHour,
        row.rateRule,
        row.amount,
      ].join(' ');
    expect(rows.map(pick)).toEqual([
      'northwind-logistics NWL-2024-0117 2026-11-03T09:00:00.000Z time-logged normal 50 60 60 0 EUR 120.00 default 0.00',
      'northwind-logistics NWL-2024-0117 2026-11-04T09:00:00.000Z replied normal 10 15 0 15 EUR 120.00 default 30.00',
      'northwind-logistics NWL-2024-0117 2026-11-06T09:00:00.000Z time-logged urgent 20 30 0 30 EUR 200.00 product+priority 100.00',
      'harbor-foods HBF-2024-0078 2026-11-10T09:00:00.000Z time-logged normal 45 45 0 45 GBP 90.00 default 67.50',
      'kestrel-health KHP-2025-0009 2026-11-11T09:00:00.000Z time-logged normal 30 30 0 0    ',
    ]);
    expect(rows.every((row) => row.month === '2026-11' && row.agent === 'Priya Raman')).toBe(true);
    expect(rows[0]!.product).toBe('ledgerline-erp');
  }, 60_000);

  it('says so for a month nobody logged time in', async () => {
    expect((await caseline('report', 'time', '--month', '2026-09')).stdout).toBe(
      'No time logged in 2026-09.\n',
    );
    const csv = (await caseline('report', 'time', '--month', '2026-09', '--csv')).stdout;
    // The header alone: a file an invoicing import reads as "nothing to bill".
    expect(csv.split('\n')).toEqual([expect.stringMatching(/^month,organization,/), '']);
  }, 60_000);

  it('refuses rates with a mistake, naming the field', async () => {
    const file = (name: string, rates: unknown) => {
      const path = join(folder, name);
      const row = { ...CONTRACT, key: 'KHP-2026-0001', organizationKey: 'kestrel-health' };
      writeFileSync(path, JSON.stringify([{ ...row, rates }]));
      return path;
    };
    const invalid = await runCaseline(database, [
      ...['import', 'contracts'],
      file('bad-rates.json', { currency: 'EURO', perHour: '1.005', roundUpToMinutes: 7.5 }),
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain(
      'item 1: rates.currency: must be an ISO 4217 currency code such as EUR, USD or JPY',
    );
    expect(invalid.stdout).toContain(
      'item 1: rates.roundUpToMinutes: must be a whole number of minutes',
    );
    const decimals = await runCaseline(database, [
      ...['import', 'contracts'],
      file('decimals.json', { currency: 'EUR', perHour: '1.005' }),
    ]);
    expect(decimals.stdout).toContain('item 1: rates.perHour: EUR has 2 decimals: 1.005 has more');
    const product = await runCaseline(database, [
      ...['import', 'contracts'],
      file('product.json', {
        currency: 'EUR',
        perHour: 1,
        products: { 'ledgerline-pso': { perHour: 2 } },
      }),
    ]);
    expect(product.code).toBe(1);
    expect(product.stdout).toMatch(
      /item 1: rates\.products\.ledgerline-pso: product ledgerline-pso does not exist/,
    );
  }, 60_000);

  it.each([
    [['--month', '2026-13'], /--month takes a month as YYYY-MM/],
    [['--month', '2026-11', '--org', 'nobody'], /There is no organization "nobody"/],
    [['--month', '2026-11', '--csv', '--json'], /cannot be used with/],
  ])(
    'refuses %j with code 2',
    async (args, message) => {
      const result = await runCaseline(database, ['report', 'time', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    },
    60_000,
  );
});
