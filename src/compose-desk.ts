/**
 * The desk's lead-facing parts: report cards and one-time sign-in links for the chats, and
 * the read-only desk page at /desk. Links the chats send point at `http.publicUrl`, or at
 * this server's own port when none is configured (a local install).
 */
import type { Connection } from 'mongoose';
import type { Core } from './composition.js';
import type { ChatDeskReports } from '../adapters/shared/desk.js';
import { makeAnswerDeskLink } from './presentation/desk-sign-in.js';
import { makeAnswerReport } from './presentation/report-cards.js';
import { makeDeskCase, makeDeskList } from './presentation/desk-lists.js';
import { deskSessionKey } from './store/desk/desk-session-key.js';
import { MongoDeskLinks } from './store/desk/mongo-desk-links.js';
import { makeMintDeskLink } from './use-cases/desk/mint-desk-link.js';
import { makeSignInToDesk } from './use-cases/desk/sign-in-to-desk.js';
import { createDeskPage } from '../adapters/desk/index.js';
import type { DeskChart } from '../adapters/desk/html.js';

/** A listener on every interface is reached locally as localhost. */
const localHost = (host: string): string =>
  host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

export const composeDesk = async (
  core: Core,
  connection: Connection,
  charts?: () => Promise<readonly DeskChart[]>,
) => {
  const { config } = core;
  const links = new MongoDeskLinks(connection);
  let port = 0;
  const publicUrl = () => config.http.publicUrl ?? `http://${localHost(config.env.HOST)}:${port}`;
  const chat: ChatDeskReports = {
    answerReport: makeAnswerReport({
      reportSla: core.sla?.reportCompliance,
      reportBacklog: core.useCases.reportBacklog,
      reportCsat: core.useCases.reportCsat,
      reportWorkload: core.useCases.reportWorkload,
      priorityLabels: config.priorities.labels,
    }),
    answerDeskLink: makeAnswerDeskLink({
      mintDeskLink: makeMintDeskLink({ links, clock: core.clock }),
      publicUrl,
    }),
  };
  const { directory } = core;
  const lookups = {
    listQueues: () => directory.listQueues(),
    listAgents: () => directory.listAgents(),
    listOrganizations: () => directory.listOrganizations(),
  };
  const routes = createDeskPage({
    signIn: makeSignInToDesk({ links, directory, clock: core.clock }),
    sessionKey: await deskSessionKey(connection),
    sessionHours: config.desk.sessionHours,
    secureCookies: config.http.publicUrl?.startsWith('https:') ?? false,
    now: () => core.clock.now(),
    list: makeDeskList({
      ...lookups,
      listCases: core.useCases.listCases,
      workflow: config.workflow,
      priorityLabels: config.priorities.labels,
      now: () => core.clock.now(),
    }),
    showCase: makeDeskCase({
      ...lookups,
      getCase: core.useCases.getCase,
      workflow: config.workflow,
      priorityLabels: config.priorities.labels,
    }),
    answerReport: chat.answerReport,
    charts,
  });
  return {
    chat,
    routes,
    publicUrl,
    /** Called once the server listens: links name the port it took. */
    listening: (taken: number) => {
      port = taken;
    },
  };
};

export type ComposedDesk = Awaited<ReturnType<typeof composeDesk>>;
