/**
 * The server process: config → database → core → outbox worker → HTTP. Shuts down in the
 * reverse order on SIGTERM/SIGINT, delivering what the outbox still owes first.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Connection } from 'mongoose';
import { importExamples } from './cli/import-examples.js';
import { composeCore, type Core } from './composition.js';
import { loadConfig, type Config } from './config.js';
import { startDatabase, type DatabaseHandle } from './infra/database/index.js';
import { listen } from './infra/listen.js';
import { createLogger, type Logger } from './infra/logger.js';
import { createLoggingNotifier } from './infra/logging-notifier.js';
import { CompositeNotifier } from './infra/composite-notifier.js';
import { composeChatChannels } from './compose-chat.js';
import { composeDesk } from './compose-desk.js';
import type { ChatChannel } from './http/chat-channel.js';
import { connectMongo, pingMongo } from './infra/mongo-connection.js';
import { createHttpServer, healthRoutes } from './http/server.js';
import { startOutboxWorker } from './jobs/outbox-worker.js';
import { createInboxWorker } from './jobs/inbox-worker.js';
import { MongoInbox } from './store/inbox/mongo-inbox.js';
import { createAgendaScheduler } from './jobs/agenda-scheduler.js';
import type { SlaTimerData } from './ports/scheduler.js';
import { makeRotaJobs, ROTA_TURN_JOB, type RotaJobs } from './use-cases/rota/arm-rotas.js';
import {
  digestJobs,
  logDigestOutcome,
  makeDeskCharts,
  makeDigestPoster,
} from './compose-digest.js';
import type { DigestTarget } from './domain/digest/schedule.js';

export interface ServeOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly importExamplesFrom?: string;
}

export interface RunningApp {
  readonly core: Core;
  readonly port: number;
  readonly database: DatabaseHandle;
  readonly log: Logger;
  shutdown(reason: string): Promise<void>;
}

export const serve = async (options: ServeOptions): Promise<RunningApp> => {
  const config = loadConfig(options.env, options.cwd);
  const log = createLogger(config.env.LOG_LEVEL);
  const database = await startDatabase({
    mongodbUri: config.env.MONGODB_URI,
    root: options.cwd,
    log: (message) => log.info(message),
    // Recorded for the CLI, which then reads the same file (README "Start-up").
    serving: { config: config.configPath ? resolve(options.cwd, config.configPath) : null },
  });
  let connection: Connection | undefined;
  try {
    connection = await connectMongo(database.uri);
    return await serveOn({ options, config, log, database, connection });
  } catch (error) {
    // A start that fails leaves nothing behind: no embedded server, no stale state file.
    await connection?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw error;
  }
};

interface Started {
  readonly options: ServeOptions;
  readonly config: Config;
  readonly log: Logger;
  readonly database: DatabaseHandle;
  readonly connection: Connection;
}

const serveOn = async (started: Started): Promise<RunningApp> => {
  const { options, config, log, database, connection } = started;
  const notifier = new CompositeNotifier();
  notifier.add(createLoggingNotifier(log));
  // Timed jobs: SLA timers, the daily checks and the rota's changes of duty. The handlers are
  // bound once the core exists (they are its use cases); Agenda runs each once across replicas.
  const late: {
    evaluateTimer?: (data: SlaTimerData) => Promise<void>;
    rota?: RotaJobs;
    postDigest?: (target: DigestTarget) => Promise<void>;
  } = {};
  const timers = createAgendaScheduler({
    db: connection.db!,
    handler: (data) => late.evaluateTimer?.(data) ?? Promise.resolve(),
    log,
    daily: [
      ...(config.sla ? [{ name: 'contract-expiry-notice', run: () => announceContracts() }] : []),
      { name: 'rota-check', run: async () => void (await late.rota?.armAll()) },
    ],
    once: [{ name: ROTA_TURN_JOB, run: (data) => late.rota?.runTurn(data) ?? Promise.resolve() }],
    weekly: digestJobs(config.digests, () => late.postDigest),
  });
  const core = await composeCore({
    config,
    connection,
    log,
    notifier,
    ...(config.sla ? { scheduler: timers.scheduler } : {}),
  });
  late.postDigest = logDigestOutcome(makeDigestPoster(core, notifier, log), log);
  late.rota = makeRotaJobs({
    directory: core.directory,
    clock: core.clock,
    announce: core.announceRotaTurn,
    schedule: (key, at, data) => timers.scheduleOnce(ROTA_TURN_JOB, key, at, data),
  });
  // Built before the server listens, so the first request already searches every article;
  // then this replica follows other replicas' changes by polling.
  await core.kb.follower.load();
  core.kb.follower.start(core.config.kb.followPollMs);
  // In the background: until it is loaded, the first intake loads it instead.
  core.kb.recentCases
    .warm()
    .catch((error: unknown) => log.error({ err: error }, 'loading recent cases failed'));
  late.evaluateTimer = async (data) => {
    const result = await core.sla?.evaluateTimer(data);
    // Thrown, so Agenda retries with backoff (a version conflict storm, a database blip).
    if (result && !result.ok) throw new Error(`SLA timer: ${result.message}`);
  };
  const announceContracts = async () => {
    const result = await core.sla?.announceExpiringContracts();
    if (result?.announced.length) log.info({ contracts: result.announced }, 'contract notices');
  };
  const inbound = startInbox(core, connection, log);
  const desk = await composeDesk(core, connection, makeDeskCharts(core, log));
  const channels = await composeChatChannels({ core, connection, log, inbound, desk: desk.chat });
  for (const channel of channels) notifier.add(channel.notifier);
  if (options.importExamplesFrom) {
    await importExamples(connection, options.importExamplesFrom, (line) => log.info(line));
  }
  const worker = startOutboxWorker({
    deliverOne: core.deliverOutbox,
    pollMs: config.outbox.pollMs,
    onError: (error) => log.error({ err: error }, 'outbox delivery failed'),
    recover: () => core.outbox.recover?.() ?? Promise.resolve(),
  });
  const routes = Object.assign(
    healthRoutes(() => pingMongo(connection)),
    ...channels.map((channel) => channel.routes),
    desk.routes,
  );
  const server = createHttpServer(routes, (failure) =>
    log[failure.status < 500 ? 'warn' : 'error'](failure, 'request failed'),
  );
  const running: ChatChannel[] = [];
  let timersStarted = false;
  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) =>
    (stopping ??= (async () => {
      log.info({ reason }, 'shutting down');
      const closeHttp = () => {
        if (!server.listening) return Promise.resolve();
        const done = new Promise((resolve) => server.close(resolve));
        server.closeIdleConnections();
        return done;
      };
      // A connector on this server (the playground's): its cards go out before it closes.
      const closed = channels.some((c) => c.postsToThisServer) ? undefined : closeHttp();
      for (const channel of running.reverse()) await channel.stop();
      // What was acknowledged is stored: unfinished work is resumed after a restart.
      await inbound.stop();
      if (timersStarted) await timers.stop();
      await core.kb.follower.stop();
      await worker.stop();
      await worker.drain(5_000);
      await (closed ?? closeHttp());
      await connection.close();
      await database.stop();
      log.info('stopped');
    })());
  try {
    await listen(server, config.env.PORT, config.env.HOST);
  } catch (error) {
    await shutdown('start-up failed');
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  desk.listening(port);
  // Deliveries a crash left behind are resumed once this replica can process them.
  inbound.start();
  for (const channel of channels) {
    await channel.start({ port });
    running.push(channel);
  }
  await timers.start();
  timersStarted = true;
  const rotas = await late.rota.armAll();
  if (rotas > 0) log.info({ rotas }, 'rota changes of duty armed');
  if (config.sla) {
    // A change arms its timer through its outbox effect; this pass repairs what that cannot
    // see: policies changed while the desk was down, and a database restored from a backup.
    const rearmed = await core.sla?.rearmOpenCases?.();
    log.info({ cases: rearmed }, 'SLA timers armed for open cases');
  }
  log.info(
    {
      port,
      database: database.description,
      config: config.configPath ?? 'built-in defaults',
      workflow: config.workflow.name,
    },
    `Caseline listening on :${port}`,
  );
  return { core, port, database, log, shutdown };
};

/** The durable inbox every chat delivery is written to before its ack (README "Reliability"). */
const startInbox = (core: Core, connection: Connection, log: Logger) => {
  const settings = core.config.inbox;
  return createInboxWorker({
    inbox: new MongoInbox(connection),
    clock: core.clock,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    writeTimeoutMs: settings.writeTimeoutMs,
    leaseMs: settings.leaseSeconds * 1000,
    sweepMs: settings.sweepSeconds * 1000,
    retentionMs: settings.retentionDays * 24 * 60 * 60 * 1000,
    maxAttempts: settings.maxAttempts,
    concurrency: 2,
    onError: (error, key) =>
      log.warn({ err: error, key }, 'inbox: a delivery failed; it is retried'),
    onDead: (key, error) => log.error({ err: error, key }, 'inbox: a delivery was given up'),
  });
};
