import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the connector, as the fake saw and answered it. */
export interface ConnectorCall {
  readonly method: string;
  readonly conversationId: string;
  /** The activity replied to (POST) or updated (PUT). */
  readonly activityId?: string;
  readonly body: Record<string, unknown>;
  readonly status: number;
  /** The id the fake answered with for a successful post. */
  readonly postedId?: string;
  /** Taken, but its answer held back (`holdPosts`): the bot never learnt it was posted. */
  readonly held?: true;
}

export interface FakeConnector {
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** Roster members `GET /v3/conversations/{id}/members/{userId}` answers with. */
  addMember(userId: string, member: { email: string; name: string; aadObjectId?: string }): void;
  /** Channels `GET /v3/teams/{teamId}/conversations` (TeamsInfo.getTeamChannels) lists. */
  addTeam(teamId: string, channels: readonly { id: string; name?: string }[]): void;
  /** The next `count` writes answer `status` (e.g. 429) instead of 200. */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  /**
   * From now on posts are taken (recorded as written) but never answered, as when the
   * bot dies before the connector's answer reaches it; `answerPosts` ends that.
   */
  holdPosts(): void;
  answerPosts(): void;
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  writes(predicate?: (call: ConnectorCall) => boolean): ConnectorCall[];
  close(): Promise<void>;
}

const readJson = (req: IncomingMessage): Promise<Record<string, unknown>> =>
  new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch {
        resolve({});
      }
    });
  });

const TEAM_CHANNELS = /^\/v3\/teams\/([^/]+)\/conversations\/?$/;
const ROUTE = /^\/v3\/conversations\/([^/]+)\/(activities|members)(?:\/([^/]+))?\/?$/;

/**
 * A loopback stand-in for the Bot Framework connector at an activity's `serviceUrl`: it
 * records POSTs and PUTs to `/v3/conversations/...`, answers `{ id }` as the connector
 * does, serves roster lookups, and can answer with throttling on demand.
 */
export const startFakeConnector = async (): Promise<FakeConnector> => {
  const calls: ConnectorCall[] = [];
  const members = new Map<string, object>();
  const teams = new Map<string, readonly object[]>();
  const failures: { status: number; retryAfter?: number }[] = [];
  let posted = 0;
  let holding = false;
  const held: { destroy(): void }[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readJson(req);
      const path = (req.url ?? '').split('?')[0] ?? '';
      const match = ROUTE.exec(path);
      const answer = (status: number, value: object, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      const team = TEAM_CHANNELS.exec(path);
      if (team && req.method === 'GET') {
        const channels = teams.get(decodeURIComponent(team[1]!));
        return channels
          ? answer(200, { conversations: channels })
          : answer(404, { error: { code: 'NotFound' } });
      }
      if (!match) return answer(404, { error: { code: 'NotFound' } });
      const conversationId = decodeURIComponent(match[1]!);
      const id = match[3] ? decodeURIComponent(match[3]) : undefined;
      if (match[2] === 'members') {
        const member = id ? members.get(id) : undefined;
        return member ? answer(200, member) : answer(404, { error: { code: 'MemberNotFound' } });
      }
      const failure = req.method === 'POST' || req.method === 'PUT' ? failures.shift() : undefined;
      if (failure) {
        calls.push({
          method: req.method!,
          conversationId,
          ...(id ? { activityId: id } : {}),
          body,
          status: failure.status,
        });
        const headers: Record<string, string> =
          failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {};
        return answer(
          failure.status,
          { error: { code: 'Throttled', message: 'slow down' } },
          headers,
        );
      }
      if (req.method === 'PUT') {
        calls.push({
          method: 'PUT',
          conversationId,
          ...(id ? { activityId: id } : {}),
          body,
          status: 200,
        });
        return answer(200, { id });
      }
      if (req.method !== 'POST') return answer(405, {});
      const postedId = `1700000000${String((posted += 1)).padStart(3, '0')}`;
      calls.push({
        method: 'POST',
        conversationId,
        ...(id ? { activityId: id } : {}),
        body,
        status: 200,
        postedId,
        ...(holding ? { held: true as const } : {}),
      });
      if (holding) return void held.push(res);
      return answer(200, { id: postedId });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const writes: FakeConnector['writes'] = (predicate = () => true) =>
    calls.filter((c) => c.status === 200 && predicate(c));
  return {
    url,
    calls,
    addMember: (userId, member) =>
      members.set(userId, { id: userId, ...member, userPrincipalName: member.email }),
    addTeam: (teamId, channels) => teams.set(teamId, channels),
    failNext: (count, status, retryAfter) => {
      for (let i = 0; i < count; i += 1)
        failures.push({ status, ...(retryAfter !== undefined ? { retryAfter } : {}) });
    },
    waitFor: async (predicate, timeoutMs = 8000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('the connector never saw the expected call');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    holdPosts: () => {
      holding = true;
    },
    answerPosts: () => {
      holding = false;
      for (const res of held.splice(0)) res.destroy();
    },
    writes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
