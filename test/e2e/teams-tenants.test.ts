/**
 * External tenants by tenant id: an organization lists the Microsoft tenants that speak for
 * it (directory import, `teamsTenantIds`). A message from a chat or channel of such a tenant
 * opens a case for that organization even when the sender is not on file: they become a
 * contact of it by the email their tenant's roster gives.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDirectory } from '../../src/import/index.js';
import { messageActivity } from '../support/teams/activities.js';
import { eventually, useTeamsE2E } from '../support/teams/e2e.js';

const e2e = useTeamsE2E();
const KESTREL_TENANT = '3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b';
const OTHER_TENANT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const NADIA = {
  id: '29:nadia-kestrel',
  name: 'Nadia Kowalski',
  aadObjectId: 'B7E1C2D3-4F5A-4B6C-8D7E-9F0A1B2C3D4E',
} as const;
const NADIA_EMAIL = 'nadia.kowalski@kestrelhealth.example';

const csv = (rows: string[]) => {
  const file = join(mkdtempSync(join(tmpdir(), 'caseline-tenants-')), 'organizations.csv');
  writeFileSync(file, ['key,name,teamsTenantIds', ...rows].join('\n'));
  return file;
};

/** The same activity as Teams sends it from another tenant. */
const fromTenant = <T extends { conversation: object; channelData: object }>(
  activity: T,
  tenant: string,
): T => ({
  ...activity,
  conversation: { ...activity.conversation, tenantId: tenant },
  channelData: { ...activity.channelData, tenant: { id: tenant } },
});

beforeAll(async () => {
  const report = await importDirectory({
    kind: 'organizations',
    filePath: csv([`kestrel-health,Kestrel Health Partners,${KESTREL_TENANT.toUpperCase()}`]),
    connection: e2e.app.core.connection,
  });
  expect(report.ok).toBe(true);
  e2e.connector.addMember(NADIA.id, { email: NADIA_EMAIL, name: NADIA.name });
  e2e.connector.addMember('29:stray', { email: 'stray@elsewhere.example', name: 'Stray' });
});

describe('Teams: external tenants by tenant id', () => {
  it('a sender not on file in a mapped tenant’s channel opens a case for that organization and becomes its contact', async () => {
    expect(await e2e.app.core.directory.findContactByEmail(NADIA_EMAIL)).toBeUndefined();
    const rootId = '1700000777001';
    const channel = `19:kestrel-it@thread.tacv2;messageid=${rootId}`;
    await e2e.post(
      fromTenant(
        messageActivity(e2e.connector.url, {
          from: NADIA,
          conversation: { id: channel, conversationType: 'channel' },
          text: 'Ward tablets cannot sign in since the update',
          id: rootId,
        }),
        KESTREL_TENANT,
      ),
    );
    const stored = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:19:kestrel-it@thread.tacv2:${rootId}`),
    );
    expect(stored.organizationKey).toBe('kestrel-health');
    expect(stored.contactName).toBe(NADIA.name);
    expect(stored.origin.workspace).toBe(KESTREL_TENANT);
    const contact = await e2e.app.core.directory.findContactByEmail(NADIA_EMAIL);
    expect(contact).toMatchObject({
      id: stored.contactId,
      organizationKey: 'kestrel-health',
      teamsAadObjectId: NADIA.aadObjectId.toLowerCase(),
    });
    const card = await e2e.connector.waitFor(
      (c) => c.status === 200 && c.method === 'POST' && c.conversationId === channel,
    );
    expect(JSON.stringify(card.body)).toContain(stored.number);
  });

  it('the next message from the new contact, in a personal chat, is theirs: no second contact', async () => {
    const conversation = { id: 'a:nadia-personal', conversationType: 'personal' as const };
    const message = fromTenant(
      messageActivity(e2e.connector.url, {
        from: NADIA,
        conversation,
        text: 'The lab printer queue is stuck',
      }),
      KESTREL_TENANT,
    );
    await e2e.post(message);
    const stored = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:${conversation.id}:${message.id}`),
    );
    const contact = await e2e.app.core.directory.findContactByEmail(NADIA_EMAIL);
    expect(stored.contactId).toBe(contact?.id);
  });

  it('a sender not on file from a tenant no organization lists opens nothing and is not added', async () => {
    const conversation = { id: 'a:stray-personal', conversationType: 'personal' as const };
    const before = (await e2e.app.core.cases.list({ limit: 1000 })).length;
    await e2e.post(
      fromTenant(
        messageActivity(e2e.connector.url, {
          from: { id: '29:stray', name: 'Stray' },
          conversation,
          text: 'Help with my invoices',
        }),
        OTHER_TENANT,
      ),
    );
    const told = await e2e.connector.waitFor(
      (c) => c.conversationId === conversation.id && c.status === 200,
    );
    expect(String(told.body.text)).toContain("don't have you on file");
    expect(
      await e2e.app.core.directory.findContactByEmail('stray@elsewhere.example'),
    ).toBeUndefined();
    expect((await e2e.app.core.cases.list({ limit: 1000 })).length).toBe(before);
  });

  it('the import refuses a tenant that another organization already lists, and one that is not a GUID', async () => {
    const clash = await importDirectory({
      kind: 'organizations',
      filePath: csv([`harbor-foods,Harbor Foods Ltd,${KESTREL_TENANT}`]),
      connection: e2e.app.core.connection,
    });
    expect(clash.ok).toBe(false);
    expect(JSON.stringify(clash)).toContain('Microsoft tenant');
    const malformed = await importDirectory({
      kind: 'organizations',
      filePath: csv(['harbor-foods,Harbor Foods Ltd,contoso.onmicrosoft.com']),
      connection: e2e.app.core.connection,
    });
    expect(malformed.ok).toBe(false);
    expect(JSON.stringify(malformed)).toContain('tenant id');
    const harbor = await e2e.app.core.directory.findOrganizationByKey('harbor-foods');
    expect(harbor?.teamsTenantIds ?? []).toEqual([]);
  });
});
