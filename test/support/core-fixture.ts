import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { pino } from 'pino';
import { composeCore, type Core } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import type { Actor } from '../../src/domain/case/types.js';
import type { Contact, Agent } from '../../src/domain/directory.js';
import { WORKFLOW_PRESETS, type WorkflowPresetName } from '../../src/domain/workflow/index.js';
import { importDirectory } from '../../src/import/index.js';
import type { DirectoryRepository } from '../../src/ports/directory-repository.js';
import type { Announcement, Notification, Notifier } from '../../src/ports/notifier.js';
import type { Scheduler } from '../../src/ports/scheduler.js';
import { parseSlaConfig } from '../../src/domain/sla/index.js';
import { csatSettingsSchema } from '../../src/domain/case/csat.js';
import { closeTestDatabase, connectTestDatabase } from './db.js';
import { ManualClock } from './in-memory/clock.js';

export { ManualClock };

/** Records every delivery; `failFirst` makes the first N calls per entry throw. */
export class RecordingNotifier implements Notifier {
  readonly delivered: Notification[] = [];
  readonly announced: Announcement[] = [];
  async announce(announcement: Announcement): Promise<void> {
    this.announced.push(announcement);
  }
  readonly calls = new Map<string, number>();
  constructor(private readonly failFirst = 0) {}
  async deliver(notification: Notification): Promise<void> {
    const calls = (this.calls.get(notification.entry.id) ?? 0) + 1;
    this.calls.set(notification.entry.id, calls);
    if (calls <= this.failFirst) throw new Error(`chat is down (call ${calls})`);
    this.delivered.push(notification);
  }
}

/** The desk every core fixture starts with, as import rows. */
export const SEED = {
  organizations: [
    { key: 'acme', name: 'Acme Corp' },
    { key: 'globex', name: 'Globex' },
  ],
  products: [{ key: 'erp', name: 'ERP', versions: ['1.0', '2.0'], modules: ['Ledger', 'Payroll'] }],
  queues: [
    { key: 'finance', name: 'Finance', routing: [{ modules: ['Ledger'] }] },
    { key: 'general', name: 'General', isDefault: true },
  ],
  agents: [
    { email: 'ana@desk.example', name: 'Ana', roles: ['agent'], queues: ['finance'] },
    { email: 'ben@desk.example', name: 'Ben', roles: ['lead'], queues: ['general'] },
    ...Array.from({ length: 20 }, (_, i) => ({
      email: `agent${i}@desk.example`,
      name: `Agent ${i}`,
      roles: ['agent'],
    })),
  ],
  contacts: [
    { email: 'carol@acme.example', name: 'Carol', organizationKey: 'acme' },
    { email: 'dave@globex.example', name: 'Dave', organizationKey: 'globex' },
  ],
  installations: [
    {
      organizationKey: 'acme',
      productKey: 'erp',
      version: '2.0',
      environment: 'production',
      supportKey: 'ACME-ERP-0001',
      accessNotes: 'VPN via jump host acme-gw; call the DBA on +1 555 0100',
    },
    {
      organizationKey: 'globex',
      productKey: 'erp',
      version: '1.0',
      environment: 'production',
      supportKey: 'GLBX-ERP-0001',
    },
  ],
  contracts: [
    {
      key: 'C-ACME',
      organizationKey: 'acme',
      level: 'gold',
      slaPolicy: 'gold',
      startsOn: '2026-01-01',
      expiresOn: '2027-12-31',
      supportKeys: ['ACME-ERP-0001'],
    },
    {
      key: 'C-GLBX',
      organizationKey: 'globex',
      level: 'silver',
      slaPolicy: 'silver',
      startsOn: '2024-01-01',
      expiresOn: '2025-12-31',
      supportKeys: ['GLBX-ERP-0001'],
    },
  ],
} as const;

export interface CoreFixture {
  readonly core: Core;
  readonly connection: Connection;
  readonly clock: ManualClock;
  readonly notifier: RecordingNotifier;
  readonly customer: (email?: string) => Promise<Actor & { kind: 'customer' }>;
  readonly agent: (email?: string) => Promise<Actor & { kind: 'staff' }>;
  readonly contact: (email?: string) => Promise<Contact>;
  close(): Promise<void>;
}

export interface CoreFixtureOptions {
  readonly workflow?: WorkflowPresetName;
  readonly failFirst?: number;
  /** An `sla` section as caseline.yaml would have it. */
  readonly sla?: unknown;
  /** A `csat` section as caseline.yaml would have it. */
  readonly csat?: unknown;
  /** Durable timers on the fixture's connection (SLA tests pass Agenda). */
  readonly scheduler?: (connection: Connection) => Scheduler;
  /** The system clock instead of a ManualClock (for tests that wait on real timers). */
  readonly realClock?: boolean;
  /** Another fixture's database: a second app process on the same data. */
  readonly shareDatabaseOf?: CoreFixture;
}

/** The default config with the fixture's workflow and SLA section. */
export const coreFixtureConfig = (
  options: Pick<CoreFixtureOptions, 'workflow' | 'sla' | 'csat'>,
): ReturnType<typeof loadConfig> => {
  const loaded = loadConfig({ CASELINE_CONFIG: undefined, LOG_LEVEL: 'silent' }, '/nonexistent');
  const sla = options.sla === undefined ? undefined : parseSlaConfig(options.sla);
  if (sla && !sla.ok) throw new Error(sla.message);
  return {
    ...loaded,
    ...(options.workflow ? { workflow: WORKFLOW_PRESETS[options.workflow] } : {}),
    ...(sla?.ok ? { sla: sla.value } : {}),
    ...(options.csat === undefined ? {} : { csat: csatSettingsSchema.parse(options.csat) }),
  };
};

export const startCoreFixture = async (
  name: string,
  options: CoreFixtureOptions = {},
): Promise<CoreFixture> => {
  const connection = options.shareDatabaseOf
    ? await connectTestDatabase(options.shareDatabaseOf.connection.name, { exact: true })
    : await connectTestDatabase(name);
  for (const [kind, rows] of options.shareDatabaseOf ? [] : Object.entries(SEED)) {
    const report = await importDirectory({ kind: kind as keyof typeof SEED, rows, connection });
    if (!report.ok) throw new Error(`seed ${kind} failed: ${JSON.stringify(report.issues)}`);
  }
  const clock = new ManualClock();
  const notifier = new RecordingNotifier(options.failFirst ?? 0);
  const config = coreFixtureConfig(options);
  const core = await composeCore({
    config,
    connection,
    log: pino({ level: 'silent' }),
    notifier,
    clock: options.realClock ? { now: () => new Date() } : clock,
    newId: randomUUID,
    directoryCacheMs: 0,
    ...(options.scheduler ? { scheduler: options.scheduler(connection) } : {}),
  });
  const { contact, customer, agent } = actorsOf(core.directory);
  return {
    core,
    connection,
    clock,
    notifier,
    customer,
    agent,
    contact,
    close: () => (options.shareDatabaseOf ? connection.close() : closeTestDatabase(connection)),
  };
};

/** The seed's people as actors: Carol the customer and Ana the agent by default. */
export const actorsOf = (
  directory: Pick<DirectoryRepository, 'findContactByEmail' | 'findAgentByEmail'>,
) => {
  const contact = async (email = 'carol@acme.example') =>
    (await directory.findContactByEmail(email))!;
  const customer = async (email?: string) => {
    const c = await contact(email);
    return {
      kind: 'customer' as const,
      contactId: c.id,
      organizationId: c.organizationId,
      name: c.name,
    };
  };
  const agent = async (email = 'ana@desk.example') => {
    const a: Agent = (await directory.findAgentByEmail(email))!;
    return {
      kind: 'staff' as const,
      agentId: a.id,
      role: a.roles.includes('lead') ? ('lead' as const) : ('agent' as const),
      name: a.name,
    };
  };
  return { contact, customer, agent };
};

/** Opens a case as the customer and returns it; fails the test on any refusal. */
export const openAs = async (
  fixture: Pick<CoreFixture, 'customer'> & {
    readonly core: { readonly useCases: Pick<Core['useCases'], 'openCase'> };
  },
  overrides: Record<string, unknown> = {},
) => {
  const result = await fixture.core.useCases.openCase({
    actor: await fixture.customer(),
    title: 'Ledger export fails',
    description: 'The month-end ledger export stops with error 42.',
    supportKey: 'ACME-ERP-0001',
    module: 'Ledger',
    origin: { channel: 'slack', address: 'slack:C1' },
    ...overrides,
  });
  if (!result.ok) throw new Error(`openCase failed: ${result.message}`);
  return result.value.case;
};
