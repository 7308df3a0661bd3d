/**
 * The Bot Framework connector the playground's bot talks to (its activities' `serviceUrl`):
 * posts and updates land in the emulated conversations' transcripts, and roster lookups
 * answer with the email of whoever the visitor chose to be.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { forWebChat } from './cards.js';
import { json, readJson } from './http-util.js';
import type { Person } from './people.js';
import type { Transcripts } from './transcript.js';

export const CONNECTOR_PATH = '/playground/connector';

const ROUTE = /^\/v3\/conversations\/([^/]+)\/(activities|members)(?:\/([^/]+))?\/?$/;

const botActivity = z.looseObject({
  type: z.string().min(1),
  text: z.string().optional(),
  attachments: z.array(z.unknown()).optional(),
});

export const createConnector = (deps: {
  readonly transcripts: Transcripts;
  readonly personByUserId: (userId: string) => Person | undefined;
}) => {
  const base = (conversationId: string) => conversationId.split(';messageid=')[0] ?? conversationId;

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.slice(CONNECTOR_PATH.length);
    const match = ROUTE.exec(path);
    if (!match) return json(res, 404, { error: { code: 'NotFound' } });
    const conversation = base(decodeURIComponent(match[1]!));
    const id = match[3] ? decodeURIComponent(match[3]) : undefined;
    if (match[2] === 'members') {
      const person = id && req.method === 'GET' ? deps.personByUserId(id) : undefined;
      if (!person) return json(res, 404, { error: { code: 'MemberNotFound' } });
      return json(res, 200, {
        id,
        name: person.name,
        email: person.email,
        userPrincipalName: person.email,
      });
    }
    if (req.method !== 'POST' && req.method !== 'PUT') return json(res, 405, {});
    const parsed = botActivity.safeParse(await readJson(req));
    if (!parsed.success) return json(res, 400, { error: { code: 'BadArgument' } });
    // A PUT names the activity it replaces; a POST (new or a reply) gets a fresh id.
    const activityId = req.method === 'PUT' && id ? id : deps.transcripts.newId();
    deps.transcripts.append(
      conversation,
      forWebChat({
        ...parsed.data,
        id: activityId,
        from: { id: '28:caseline-playground', name: 'Caseline', role: 'bot' },
        timestamp: new Date().toISOString(),
      }),
    );
    return json(res, 200, { id: activityId });
  };
};
