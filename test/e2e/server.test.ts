import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type RunningApp } from '../../src/main.js';

describe('the running server', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const dbUri = `${process.env.MONGODB_URI!.replace(/\/?$/, '/')}caseline_e2e_${randomUUID().slice(0, 8)}`;
    app = await serve({
      env: { PORT: '0', HOST: '127.0.0.1', MONGODB_URI: dbUri, LOG_LEVEL: 'silent' },
      cwd: mkdtempSync(join(tmpdir(), 'caseline-e2e-')),
      importExamplesFrom: join(process.cwd(), 'examples'),
    });
  });
  afterAll(() => app.shutdown('test over'));

  const get = (path: string) => fetch(`http://127.0.0.1:${app.port}${path}`);

  it('answers health and readiness over HTTP', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect((await get('/nope')).status).toBe(404);
  });

  it('imported the examples and routes a case by them', async () => {
    const contact = await app.core.directory.findContactByEmail(
      'anna.schmidt@northwind-logistics.example',
    );
    expect(contact?.organizationKey).toBe('northwind-logistics');
    const opened = await app.core.useCases.openCase({
      actor: {
        kind: 'customer',
        contactId: contact!.id,
        organizationId: contact!.organizationId,
        name: contact!.name,
      },
      title: 'VAT report totals are off',
      supportKey: 'NWL-ERP-7Q4M-2KXD',
    });
    expect(opened.ok && opened.value.case).toMatchObject({
      queueKey: 'erp-finance',
      productKey: 'ledgerline-erp',
    });
  });

  it('delivers the outbox and closes everything on shutdown', async () => {
    const contact = (await app.core.directory.findContactByEmail(
      'anna.schmidt@northwind-logistics.example',
    ))!;
    const opened = await app.core.useCases.openCase({
      actor: {
        kind: 'customer',
        contactId: contact.id,
        organizationId: contact.organizationId,
        name: contact.name,
      },
      title: 'Payroll run stuck',
    });
    const id = opened.ok ? opened.value.case.id : '';
    await app.shutdown('test');
    // The connection is closed now; read the result through a fresh one.
    const { connectMongo } = await import('../../src/infra/mongo-connection.js');
    const { createCaseModels } = await import('../../src/store/cases/models.js');
    const { MongoCaseRepository } = await import('../../src/store/cases/mongo-case-repository.js');
    const connection = await connectMongo(process.env.MONGODB_URI!, app.core.connection.name);
    try {
      const stored = await new MongoCaseRepository(createCaseModels(connection)).findById(id);
      expect(stored?.outbox.map((e) => e.state)).toEqual(['delivered', 'delivered']);
    } finally {
      await connection.close();
    }
    await expect(get('/healthz')).rejects.toThrow();
  });
});
