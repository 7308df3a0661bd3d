/**
 * The read-only desk page at /desk on the app's one HTTP server: case lists, a case with its
 * history, the report cards. Signed in through a one-time link from chat (`/support desk`);
 * the session is a signed cookie (session.ts). Maps requests to views and renders them.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Route } from '../../src/http/server.js';
import type { Actor } from '../../src/domain/case/types.js';
import {
  deskListQuery,
  type makeDeskCase,
  type makeDeskList,
} from '../../src/presentation/desk-lists.js';
import type { AnswerReport } from '../../src/presentation/report-cards.js';
import { REPORT_KINDS, type ReportKind } from '../../src/presentation/support-commands.js';
import type { SignInToDesk } from '../../src/use-cases/desk/sign-in-to-desk.js';
import { readBody } from '../shared/http-body.js';
import { DESK_CSS, page, type DeskChart } from './html.js';
import {
  casePage,
  listPage,
  notFoundPage,
  refusalPage,
  reportPage,
  signInPage,
  REFUSALS,
} from './pages.js';
import { readSession, sessionCookie, signSession } from './session.js';

export interface DeskPageDeps {
  readonly signIn: SignInToDesk;
  /** Shared by every replica, so a session started on one is good on all. */
  readonly sessionKey: Buffer;
  readonly sessionHours: number;
  /** The desk is reached over https (`http.publicUrl`): cookies are sent only over it. */
  readonly secureCookies: boolean;
  readonly now: () => Date;
  readonly list: ReturnType<typeof makeDeskList>;
  readonly showCase: ReturnType<typeof makeDeskCase>;
  readonly answerReport: AnswerReport;
  /** The digest's charts of the past seven days, for the top of the lists. */
  readonly charts?: (() => Promise<readonly DeskChart[]>) | undefined;
}

const HEADERS: OutgoingHttpHeaders = {
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

const STATUS_OF: Readonly<Record<keyof typeof REFUSALS, number>> = {
  used: 410,
  expired: 410,
  unknown: 404,
  'not-allowed': 403,
  'signed-out': 401,
};

const send = (
  res: ServerResponse,
  status: number,
  html: string,
  headers: OutgoingHttpHeaders = {},
) => {
  res.writeHead(status, { ...HEADERS, ...headers, 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
};

export const createDeskPage = (deps: DeskPageDeps): Record<string, Route> => {
  const refuse = (res: ServerResponse, why: keyof typeof REFUSALS) =>
    send(res, STATUS_OF[why], page({ title: 'Sign in', body: refusalPage(why) }));

  const actorOf = async (req: IncomingMessage): Promise<Actor | undefined> => {
    const session = readSession(deps.sessionKey, req.headers.cookie, deps.now().getTime());
    return session ? deps.signIn.deskActor(session.agentId) : undefined;
  };

  const signIn = async (req: IncomingMessage, res: ServerResponse) => {
    const token = new URLSearchParams(await readBody(req, 4096)).get('token');
    const result = await deps.signIn.redeem(token);
    if (result.outcome !== 'signed-in') return refuse(res, result.outcome);
    const maxAge = deps.sessionHours * 3600;
    const value = signSession(deps.sessionKey, {
      agentId: result.actor.agentId,
      expiresAt: deps.now().getTime() + maxAge * 1000,
    });
    res.writeHead(303, {
      ...HEADERS,
      location: '/desk',
      'set-cookie': sessionCookie(value, { secure: deps.secureCookies, maxAgeSeconds: maxAge }),
    });
    res.end();
  };

  const signedIn = async (req: IncomingMessage, res: ServerResponse, path: string, url: URL) => {
    const actor = await actorOf(req);
    if (!actor) return refuse(res, 'signed-out');
    const show = (title: string, body: string, status = 200, charts?: readonly DeskChart[]) =>
      send(res, status, page({ title, body, signedInAs: actor.name, charts }));
    if (path === '/desk' || path === '/desk/') {
      const query = deskListQuery.parse(Object.fromEntries(url.searchParams));
      const view = await deps.list(actor, query);
      if (!view.ok) return show('Cases', notFoundPage(view.message), 400);
      return show('Cases', listPage(view.value), 200, await deps.charts?.());
    }
    const caseMatch = /^\/desk\/case\/([A-Za-z0-9-]{1,40})$/.exec(path);
    if (caseMatch) {
      const view = await deps.showCase(actor, caseMatch[1]!);
      if (!view.ok) return show('Not found', notFoundPage(view.message), 404);
      return show(view.value.number, casePage(view.value));
    }
    const reportMatch = /^\/desk\/reports\/([a-z]+)$/.exec(path);
    if (reportMatch && (REPORT_KINDS as readonly string[]).includes(reportMatch[1]!)) {
      const days = Number(url.searchParams.get('days') ?? '30');
      const answer = await deps.answerReport(actor, {
        report: reportMatch[1] as ReportKind,
        ...(Number.isInteger(days) ? { days } : {}),
      });
      if (answer.kind === 'refused') return show('Report', notFoundPage(answer.text), 400);
      return show(answer.card.title, reportPage(answer.card));
    }
    return show('Not found', notFoundPage('No such page.'), 404);
  };

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/desk', 'http://desk.invalid');
    const path = url.pathname;
    if (path === '/desk/desk.css') {
      res.writeHead(200, {
        ...HEADERS,
        'content-type': 'text/css; charset=utf-8',
        'cache-control': 'max-age=3600',
      });
      res.end(DESK_CSS);
      return;
    }
    if (req.method === 'POST') {
      if (path === '/desk/sign-in') return signIn(req, res);
      res.writeHead(405, { ...HEADERS, allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const link = /^\/desk\/sign-in\/([^/]+)$/.exec(path);
    if (link) {
      const token = link[1]!;
      const peeked = await deps.signIn.peek(token);
      if (peeked.outcome !== 'signed-in') return refuse(res, peeked.outcome);
      return send(res, 200, page({ title: 'Sign in', body: signInPage(token, peeked.actor.name) }));
    }
    return signedIn(req, res, path, url);
  };

  const route: Route = { methods: ['GET', 'HEAD', 'POST'], handler, maxBodyBytes: 4096 };
  return { '/desk': route, '/desk/*': route };
};
