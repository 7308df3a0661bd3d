/**
 * The local playground: when no chat platform is configured, `/` serves Web Chat talking
 * to the Teams bot through a Direct Line emulation on the same server, so a newcomer can
 * open a case as a customer and work it as an agent without installing anything.
 */
import { createReadStream, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { z } from 'zod';
import { CONNECTOR_PATH, createConnector } from './connector.js';
import { createEmulator, DESK_CONVERSATION, DIRECT_LINE_PATH, TENANT } from './directline.js';
import { json, readJson } from './http-util.js';
import { renderPage } from './page.js';
import { listPeople, type PeopleLookups } from './people.js';
import { Transcripts } from './transcript.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface Playground {
  readonly routes: Readonly<Record<string, Handler>>;
  /** The conversation every agent card goes to, instead of each queue's channel. */
  readonly deskConversation: string;
  /** Tells the bot it sits in the desk channel (as Teams does when a bot joins a team). */
  start(port: number): Promise<void>;
}

const sessionRequest = z.object({
  email: z.string().trim().toLowerCase(),
  pane: z.enum(['customer', 'desk']),
});

/**
 * Web Chat's prebuilt browser bundle in node_modules (its package exports do not expose
 * the file, so we look for it from here upwards, as Node's own lookup would).
 */
const webChatBundle = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('botframework-webchat is not installed (npm install)');
    dir = parent;
  }
};

export interface PlaygroundDeps {
  readonly people: PeopleLookups;
  readonly log: Logger;
}

export const createPlayground = (deps: PlaygroundDeps): Playground => {
  let selfUrl = '';
  const transcripts = new Transcripts();
  const emulator = createEmulator({ transcripts, log: deps.log, selfUrl: () => selfUrl });
  const connector = createConnector({ transcripts, personByUserId: emulator.personByUserId });
  const bundle = webChatBundle();

  const page: Handler = async (req, res) => {
    if (req.method !== 'GET') return json(res, 405, {});
    const html = renderPage(await listPeople(deps.people));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };

  const script: Handler = async (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'max-age=3600',
    });
    createReadStream(bundle).pipe(res);
  };

  const session: Handler = async (req, res) => {
    if (req.method !== 'POST') return json(res, 405, {});
    const parsed = sessionRequest.safeParse(await readJson(req));
    if (!parsed.success) return json(res, 400, { error: 'send { email, pane }' });
    const people = await listPeople(deps.people);
    const role = parsed.data.pane === 'desk' ? 'agent' : 'customer';
    const person = people.find((p) => p.email === parsed.data.email && p.role === role);
    if (!person) return json(res, 404, { error: `no ${role} ${parsed.data.email}` });
    const opened = emulator.open(person, parsed.data.pane);
    return json(res, 200, { token: opened.token, userId: opened.userId, name: person.name });
  };

  return {
    deskConversation: DESK_CONVERSATION,
    routes: {
      '/': page,
      '/playground/webchat.js': script,
      '/playground/session': session,
      [`${DIRECT_LINE_PATH}/*`]: emulator.handle,
      [`${CONNECTOR_PATH}/*`]: connector,
    },
    async start(port) {
      selfUrl = `http://127.0.0.1:${port}`;
      await fetch(`${selfUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'conversationUpdate',
          id: transcripts.newId(),
          channelId: 'msteams',
          serviceUrl: `${selfUrl}${CONNECTOR_PATH}/`,
          from: { id: '29:playground', name: 'Playground' },
          recipient: { id: '28:caseline-playground', name: 'Caseline' },
          conversation: { id: DESK_CONVERSATION, conversationType: 'channel', tenantId: TENANT },
          membersAdded: [{ id: '28:caseline-playground', name: 'Caseline' }],
          channelData: { tenant: { id: TENANT } },
        }),
      });
    },
  };
};
