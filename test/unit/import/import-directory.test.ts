import type { DirectoryEntities, DirectoryKind } from '../../../src/domain/directory.js';
import {
  formatImportReport,
  importDirectory,
  type ImportTarget,
} from '../../../src/import/index.js';
import type { UpsertCounts } from '../../../src/ports/directory-repository.js';

/** An in-memory target: `stored` is what the database holds, `written` what an import upserts. */
class FakeTarget implements ImportTarget {
  readonly written: { kind: DirectoryKind; records: readonly unknown[] }[] = [];
  constructor(
    private readonly stored: Partial<{ [K in DirectoryKind]: DirectoryEntities[K][] }> = {},
  ) {}

  list<K extends DirectoryKind>(kind: K): Promise<readonly DirectoryEntities[K][]> {
    return Promise.resolve((this.stored[kind] ?? []) as DirectoryEntities[K][]);
  }

  upsert(kind: DirectoryKind, records: readonly unknown[]): Promise<UpsertCounts> {
    this.written.push({ kind, records });
    return Promise.resolve({ inserted: records.length, updated: 0, unchanged: 0 });
  }
}

const acme = { id: 'org-1', key: 'acme', name: 'Acme', slackTeamIds: ['T0ACME'] };
const erp = {
  id: 'prod-1',
  key: 'erp',
  name: 'ERP',
  versions: ['1.0', '2.0'],
  modules: ['Ledger'],
};

describe('importDirectory', () => {
  it('writes nothing when one row is invalid and names that row', async () => {
    const target = new FakeTarget();
    const rows = [
      { key: 'acme', name: 'Acme' },
      { key: 'Globex Corp', name: 'Globex' },
    ];
    const report = await importDirectory({ kind: 'organizations', rows, target });
    expect(report.ok).toBe(false);
    expect(!report.ok && report.issues).toEqual([
      expect.objectContaining({ row: 2, field: 'key' }),
    ]);
    expect(target.written).toEqual([]);
  });

  it('resolves references to ids before writing', async () => {
    const target = new FakeTarget({ organizations: [acme] });
    const rows = [{ email: 'ann@acme.example', name: 'Ann', organizationKey: 'acme' }];
    const report = await importDirectory({ kind: 'contacts', rows, target });
    expect(report).toMatchObject({ ok: true, inserted: 1 });
    expect(target.written[0]?.records).toEqual([
      expect.objectContaining({ organizationId: 'org-1', organizationKey: 'acme' }),
    ]);
  });

  it('names the import order when a reference is missing', async () => {
    const rows = [{ email: 'ann@acme.example', name: 'Ann', organizationKey: 'acme' }];
    const report = await importDirectory({ kind: 'contacts', rows, target: new FakeTarget() });
    expect(!report.ok && report.issues).toEqual([
      {
        row: 1,
        field: 'organizationKey',
        message:
          'organization acme does not exist (import order: organizations, products, queues, agents, contacts, installations, contracts)',
      },
    ]);
  });

  it('refuses a version the product does not list', async () => {
    const target = new FakeTarget({ organizations: [acme], products: [erp] });
    const rows = [
      { organizationKey: 'acme', productKey: 'erp', version: '3.0', environment: 'production' },
    ];
    const report = await importDirectory({ kind: 'installations', rows, target });
    expect(!report.ok && report.issues).toEqual([
      { row: 1, field: 'version', message: 'is not a version of erp (known: 1.0, 2.0)' },
    ]);
  });

  it('refuses a support key already held by another installation', async () => {
    const stored = {
      id: 'inst-1',
      organizationId: 'org-1',
      organizationKey: 'acme',
      productId: 'prod-1',
      productKey: 'erp',
      version: '1.0',
      environment: 'production' as const,
      supportKey: 'ACME-0001',
    };
    const target = new FakeTarget({
      organizations: [acme],
      products: [erp],
      installations: [stored],
    });
    const rows = [
      {
        organizationKey: 'acme',
        productKey: 'erp',
        version: '2.0',
        environment: 'test',
        supportKey: 'acme-0001',
      },
    ];
    const report = await importDirectory({ kind: 'installations', rows, target });
    expect(!report.ok && report.issues).toEqual([
      {
        row: 1,
        field: 'supportKey',
        message: 'support key ACME-0001 already belongs to installation acme/erp/1.0/production',
      },
    ]);
  });

  it('lets a file move a Slack team between organizations it replaces', async () => {
    const target = new FakeTarget({ organizations: [acme] });
    const rows = [
      { key: 'acme', name: 'Acme', slackTeamIds: [] },
      { key: 'globex', name: 'Globex', slackTeamIds: ['T0ACME'] },
    ];
    expect((await importDirectory({ kind: 'organizations', rows, target })).ok).toBe(true);
  });

  it('refuses a Slack team held by an organization the file does not replace', async () => {
    const target = new FakeTarget({ organizations: [acme] });
    const rows = [{ key: 'globex', name: 'Globex', slackTeamIds: ['T0ACME'] }];
    const report = await importDirectory({ kind: 'organizations', rows, target });
    expect(!report.ok && report.issues).toEqual([
      {
        row: 1,
        field: 'slackTeamIds[0]',
        message: 'Slack team T0ACME already belongs to organization acme',
      },
    ]);
  });

  it('refuses a Slack user that another stored contact has', async () => {
    const anna = {
      id: 'c-1',
      email: 'anna@acme.example',
      name: 'Anna',
      organizationId: 'org-1',
      organizationKey: 'acme',
      slackTeamId: 'T0ACME',
      slackUserId: 'U0ANNA',
    };
    const target = new FakeTarget({ organizations: [acme], contacts: [anna] });
    const bert = { ...anna, email: 'bert@acme.example', name: 'Bert' };
    const { id: _id, organizationId: _org, ...row } = bert;
    const report = await importDirectory({ kind: 'contacts', rows: [row], target });
    expect(!report.ok && report.issues).toEqual([
      {
        row: 1,
        field: 'slackUserId',
        message: 'Slack user T0ACME/U0ANNA already belongs to contact anna@acme.example',
      },
    ]);
  });

  it('checks routing rules against products and their modules', async () => {
    const target = new FakeTarget({ products: [erp] });
    const rows = [
      {
        key: 'finance',
        name: 'Finance',
        routing: [{ products: ['erp'], modules: ['Ledger', 'Payroll'] }],
      },
    ];
    const report = await importDirectory({ kind: 'queues', rows, target });
    expect(!report.ok && report.issues).toEqual([
      { row: 1, field: 'routing[0].modules[1]', message: 'module Payroll is not a module of erp' },
    ]);
  });

  it('allows one default queue only', async () => {
    const rows = [
      { key: 'a', name: 'A', isDefault: true },
      { key: 'b', name: 'B', isDefault: true },
    ];
    const report = await importDirectory({ kind: 'queues', rows, target: new FakeTarget() });
    expect(!report.ok && report.issues.map((issue) => issue.row)).toEqual([1, 2]);
  });
});

describe('formatImportReport', () => {
  it('prints the counts of a successful import', () => {
    const text = formatImportReport({
      ok: true,
      kind: 'contacts',
      format: 'csv',
      total: 6,
      inserted: 2,
      updated: 1,
      unchanged: 3,
    });
    expect(text).toBe('Imported 6 contacts: 2 inserted, 1 updated, 3 unchanged.');
  });

  it('prints every problem with its line, row and field', () => {
    const text = formatImportReport({
      ok: false,
      kind: 'contacts',
      format: 'csv',
      total: 2,
      issues: [
        { line: 1, field: 'mail', message: 'is not a column of contacts' },
        { row: 2, line: 3, field: 'email', message: 'must be an email address' },
      ],
    });
    expect(text.split('\n')).toEqual([
      'Nothing imported: 2 problem(s) in 2 contacts. Lines count from the header (line 1); rows count records after it.',
      '  line 1: mail: is not a column of contacts',
      '  line 3 (row 2): email: must be an email address',
    ]);
  });
});
