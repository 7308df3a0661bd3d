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
import { MongoDeskLinks } from './store/desk/mongo-desk-links.js';
import { makeMintDeskLink } from './use-cases/desk/mint-desk-link.js';

/** A listener on every interface is reached locally as localhost. */
const localHost = (host: string): string =>
  host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

export const composeDesk = (core: Core, connection: Connection) => {
  const { config } = core;
  const links = new MongoDeskLinks(connection);
  let port = 0;
  const publicUrl = () => config.http.publicUrl ?? `http://${localHost(config.env.HOST)}:${port}`;
  const chat: ChatDeskReports = {
    answerReport: makeAnswerReport({
      reportSla: core.sla?.reportCompliance,
      reportBacklog: core.useCases.reportInterimBacklog,
      reportCsat: core.useCases.reportCsat,
      reportWorkload: core.useCases.reportWorkload,
      priorityLabels: config.priorities.labels,
    }),
    answerDeskLink: makeAnswerDeskLink({
      mintDeskLink: makeMintDeskLink({ links, clock: core.clock }),
      publicUrl,
    }),
  };
  return {
    chat,
    links,
    publicUrl,
    /** Called once the server listens: links name the port it took. */
    listening: (taken: number) => {
      port = taken;
    },
  };
};

export type ComposedDesk = ReturnType<typeof composeDesk>;
