import { join } from 'node:path';
import type mongoose from 'mongoose';
import { DIRECTORY_KINDS } from '../../../src/domain/directory.js';
import { importDirectory } from '../../../src/import/index.js';
import type { DirectoryRepository } from '../../../src/ports/directory-repository.js';
import {
  createDirectoryModels,
  createMongoDirectoryRepository,
  ensureDirectoryIndexes,
} from '../../../src/store/directory/index.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

const csvKinds = new Set(['organizations', 'agents', 'contacts', 'installations']);

let connection: mongoose.Connection;
let directory: DirectoryRepository;

beforeAll(async () => {
  connection = await connectTestDatabase('directory_repository');
  const models = createDirectoryModels(connection);
  await ensureDirectoryIndexes(models);
  directory = createMongoDirectoryRepository(models);
  for (const kind of DIRECTORY_KINDS) {
    const filePath = join(
      process.cwd(),
      'examples',
      `${kind}.${csvKinds.has(kind) ? 'csv' : 'json'}`,
    );
    const report = await importDirectory({ kind, filePath, connection });
    if (!report.ok)
      throw new Error(`examples/${kind} did not import: ${JSON.stringify(report.issues)}`);
  }
});
afterAll(async () => {
  await closeTestDatabase(connection);
});

describe('the directory repository', () => {
  it('finds a contact by Slack user and carries its organization id and key', async () => {
    const contact = await directory.findContactBySlackUser('T05HARBOR2', 'U05GOKAFO1');
    const organization = await directory.findOrganizationByKey('harbor-foods');
    expect(contact).toMatchObject({
      email: 'grace.okafor@harborfoods.example',
      organizationKey: 'harbor-foods',
      organizationId: organization?.id,
    });
    expect(contact).not.toHaveProperty('_id');
  });

  it('finds contacts and agents by email regardless of case, and Teams ids', async () => {
    expect(await directory.findContactByEmail('Owen.Price@KestrelHealth.example')).toBeDefined();
    expect(
      await directory.findAgentByTeamsUser('0B9E8D7C-6A5B-4C3D-9E2F-1A0B9C8D7E6F'),
    ).toMatchObject({
      email: 'jun.park@ledgerline.example',
      active: true,
      roles: ['agent'],
    });
  });

  it('answers undefined when nothing matches', async () => {
    expect(await directory.findContactBySlackUser('T05HARBOR2', 'U0NOBODY')).toBeUndefined();
    expect(await directory.getInstallation('no-such-id')).toBeUndefined();
    expect(await directory.findOrganizationBySlackTeam('T0UNKNOWN')).toBeUndefined();
  });

  it('finds the organization of any of its Slack teams', async () => {
    expect(await directory.findOrganizationBySlackTeam('T05HARBOR3')).toMatchObject({
      key: 'harbor-foods',
    });
  });

  it('keeps access notes out of the default installation shape', async () => {
    const installation = await directory.findInstallationBySupportKey('nwl-erp-7q4m-2kxd');
    expect(installation).toBeDefined();
    expect(installation).not.toHaveProperty('accessNotes');
    const listed = await directory.listInstallations(installation?.organizationId ?? '');
    expect(listed.some((item) => 'accessNotes' in item)).toBe(false);
    const notes = await directory.getInstallationAccessNotes(installation?.id ?? '');
    expect(notes).toMatch(/^VPN: FortiClient profile "ledgerline-support"/);
  });

  it('picks the contract that expires last for a renewed support key', async () => {
    expect(await directory.findContractBySupportKey('HBF-POS-3ZW9-41CE')).toMatchObject({
      key: 'HBF-2024-0078',
    });
  });

  it('lists queues by key with their routing rules', async () => {
    const queues = await directory.listQueues();
    expect(queues.map((queue) => queue.key)).toEqual(['erp-finance', 'general', 'retail']);
    expect(queues.find((queue) => queue.isDefault)?.key).toBe('general');
  });

  it('syncs config queues without touching unchanged ones', async () => {
    const current = await directory.findQueueByKey('retail');
    if (current === undefined) throw new Error('retail queue missing');
    const { id: _id, ...retail } = current;
    const counts = await directory.upsertQueues([
      retail,
      { ...retail, key: 'hardware', name: 'Hardware', isDefault: false },
    ]);
    expect(counts).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    expect(await directory.findQueueByKey('hardware')).toMatchObject({
      name: 'Hardware',
      routing: retail.routing,
    });
  });

  it('has unique indexes on natural keys and plain ones for lookups', async () => {
    const indexes = await connection.collection('installations').indexes();
    expect(indexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: { organizationKey: 1, productKey: 1, version: 1, environment: 1 },
          unique: true,
        }),
        expect.objectContaining({ key: { supportKey: 1 } }),
      ]),
    );
    const duplicate = { key: 'harbor-foods', name: 'Copy' };
    await expect(connection.collection('organizations').insertOne(duplicate)).rejects.toThrow(
      /duplicate key/i,
    );
  });
});
