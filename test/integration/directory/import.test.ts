import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type mongoose from 'mongoose';
import { DIRECTORY_KINDS } from '../../../src/domain/directory.js';
import { importDirectory } from '../../../src/import/index.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

const examples = join(process.cwd(), 'examples');
const exampleFile = (kind: string): string => {
  const csv = ['organizations', 'agents', 'contacts', 'installations'].includes(kind);
  return join(examples, `${kind}.${csv ? 'csv' : 'json'}`);
};

let connection: mongoose.Connection;
let scratch: string;

beforeAll(async () => {
  connection = await connectTestDatabase('directory_import');
  scratch = await mkdtemp(join(tmpdir(), 'caseline-import-'));
});
afterAll(async () => {
  await closeTestDatabase(connection);
});
beforeEach(async () => {
  for (const kind of DIRECTORY_KINDS) await connection.collection(kind).deleteMany({});
});

const importExamples = async (): Promise<void> => {
  for (const kind of DIRECTORY_KINDS) {
    const report = await importDirectory({ kind, filePath: exampleFile(kind), connection });
    expect(report).toMatchObject({ ok: true, kind });
  }
};

describe('importDirectory against the database', () => {
  it('imports every example file in the documented order', async () => {
    await importExamples();
    expect(await connection.collection('organizations').countDocuments()).toBe(3);
    expect(await connection.collection('contracts').countDocuments()).toBe(4);
    const contact = await connection
      .collection('contacts')
      .findOne({ email: 'anna.schmidt@northwind-logistics.example' });
    const organization = await connection
      .collection('organizations')
      .findOne({ key: 'northwind-logistics' });
    expect(contact?.organizationId).toBe(organization?._id);
    expect(typeof organization?._id).toBe('string');
  });

  it('imports nothing from a file with one invalid row, and names that row', async () => {
    const file = join(scratch, 'organizations.csv');
    await writeFile(file, 'key,name\nacme,Acme\nglobex,\ninitech,Initech\n');
    const report = await importDirectory({ kind: 'organizations', filePath: file, connection });
    expect(report.ok).toBe(false);
    expect(!report.ok && report.issues).toEqual([
      { row: 2, line: 3, field: 'name', message: 'is required' },
    ]);
    expect(await connection.collection('organizations').countDocuments()).toBe(0);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const progress: [number, number][] = [];
    const file = exampleFile('organizations');
    const first = await importDirectory({ kind: 'organizations', filePath: file, connection });
    const before = await connection.collection('organizations').find().sort({ key: 1 }).toArray();
    const second = await importDirectory({
      kind: 'organizations',
      filePath: file,
      connection,
      batchSize: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(first).toMatchObject({ ok: true, inserted: 3, updated: 0, unchanged: 0 });
    expect(second).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 3 });
    expect(await connection.collection('organizations').find().sort({ key: 1 }).toArray()).toEqual(
      before,
    );
    expect(progress).toEqual([
      [0, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('updates a changed row, unsets a cleared field and keeps id and createdAt', async () => {
    const rows = [{ key: 'acme', name: 'Acme', notes: 'old' }];
    await importDirectory({ kind: 'organizations', rows, connection });
    const before = await connection.collection('organizations').findOne({ key: 'acme' });
    const report = await importDirectory({
      kind: 'organizations',
      rows: [{ key: 'acme', name: 'Acme Corp' }],
      connection,
    });
    const after = await connection.collection('organizations').findOne({ key: 'acme' });
    expect(report).toMatchObject({ ok: true, inserted: 0, updated: 1, unchanged: 0 });
    expect(after).toMatchObject({
      _id: before?._id,
      name: 'Acme Corp',
      createdAt: before?.createdAt,
    });
    expect(after).not.toHaveProperty('notes');
    expect(after?.updatedAt.getTime()).toBeGreaterThanOrEqual(before?.updatedAt.getTime());
  });

  it('rejects an installation of an unknown product', async () => {
    await importDirectory({
      kind: 'organizations',
      rows: [{ key: 'acme', name: 'Acme' }],
      connection,
    });
    const rows = [
      {
        organizationKey: 'acme',
        productKey: 'rocket-skates',
        version: '1.0',
        environment: 'production',
      },
    ];
    const report = await importDirectory({ kind: 'installations', rows, connection });
    expect(!report.ok && report.issues).toEqual([
      expect.objectContaining({
        row: 1,
        field: 'productKey',
        message: expect.stringMatching(/^product rocket-skates does not exist/),
      }),
    ]);
    expect(await connection.collection('installations').countDocuments()).toBe(0);
  });
});
