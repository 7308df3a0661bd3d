/**
 * A loopback fake of Slack's Web API for tests: point bolt at it with
 * `clientOptions: { slackApiUrl: fake.url }`. It answers the methods in
 * fake-slack-methods.ts, records every call, and can answer the next calls to a method
 * with a rate limit, an HTTP failure or a Slack error, to exercise the app's retry paths.
 * It also serves `response_url`s (see `responseUrl()`), so `respond()` stays local.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FakeWorkspace,
  SLACK_METHODS,
  type FakeSlackChannel,
  type FakeSlackUser,
  type SlackAnswer,
  type SlackArgs,
} from './fake-slack-methods.js';
import { receiveUpload, type FakeUpload } from './fake-slack-files.js';

export type { FakeUpload };
export type { FakeSlackChannel, FakeSlackUser, SlackAnswer, SlackArgs };

export interface RecordedCall {
  /** Web API method, or `response_url` for posts to a `responseUrl()`. */
  method: string;
  /** The parsed body without `token`; JSON-valued form fields (blocks, view...) decoded. */
  args: SlackArgs;
  /** From `Authorization: Bearer` or the body's `token`. */
  token: string | undefined;
  at: Date;
  path: string;
  /** What the fake answered: injected failures are recorded too. */
  status: number;
  response: SlackAnswer;
}

export interface HistoryMessage {
  ts: string;
  user: string;
  text: string;
  user_team?: string;
  thread_ts?: string;
  bot_id?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface FakeSlackApiOptions {
  users?: Record<string, FakeSlackUser>;
  channels?: Record<string, FakeSlackChannel>;
  files?: Record<string, object>;
  /** Tokens accepted; others get `invalid_auth`. Default: any non-empty token. */
  tokens?: string[];
  /** What `apps.connections.open` answers (a fake Socket Mode server's ws:// URL). */
  socketModeUrl?: string;
}

export interface FakeSlackApi {
  /** Base URL for `slackApiUrl`, e.g. `http://127.0.0.1:PORT/api/`. */
  readonly url: string;
  readonly calls: readonly RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** The first call (past or future) to `method` matching `predicate`. */
  waitFor(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** The next `count` calls to `method` get HTTP 429 with `Retry-After`. */
  rateLimitNext(method: string, retryAfterSeconds: number, count?: number): void;
  /** The next `count` calls to `method` get this HTTP status (5xx). */
  failNext(method: string, status?: number, count?: number): void;
  /** The next `count` calls to `method` get HTTP 200 `{ ok: false, error }`. */
  errorNext(method: string, error: string, count?: number): void;
  /**
   * Runs `hook` once, on the first call to `method` that `predicate` matches and the fake
   * answers `ok`: the call has taken effect (a message is posted) and the answer waits
   * until the hook is done, so the app has not heard back yet when it runs.
   */
  beforeAnswer(
    method: string,
    predicate: (call: RecordedCall) => boolean,
    hook: (call: RecordedCall) => Promise<void> | void,
  ): void;
  /** A local response_url; posts to it are recorded as method `response_url`. */
  responseUrl(label?: string): string;
  setUsers(users: Record<string, FakeSlackUser>): void;
  setChannels(channels: Record<string, FakeSlackChannel>): void;
  setFiles(files: Record<string, object>): void;
  /**
   * Makes a message the app did not post findable through `conversations.history` and
   * `conversations.replies`: a person's, or another app's (with its `bot_id`, `metadata`).
   */
  addHistory(channel: string, message: HistoryMessage): void;
  /** Files of the external upload flow (`files.getUploadURLExternal`), with their bytes. */
  uploads(): FakeUpload[];
  /** Forgets recorded calls, pending faults and hooks; tables, messages and views stay. */
  reset(): void;
  close(): Promise<void>;
}

type Fault =
  | { kind: 'ratelimit'; seconds: number }
  | { kind: 'http'; status: number }
  | { kind: 'error'; error: string };
type Answer = { status: number; body: SlackAnswer; headers?: Record<string, string> };
interface Hook {
  readonly method: string;
  readonly predicate: (call: RecordedCall) => boolean;
  readonly run: (call: RecordedCall) => Promise<void> | void;
}

// Values the Web API client JSON-encodes into form fields.
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'options']);

const parseBody = (raw: string, contentType: string | undefined): SlackArgs | undefined => {
  if (raw.trim() === '') return {};
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed && typeof parsed === 'object' ? (parsed as SlackArgs) : undefined;
    } catch {
      return undefined;
    }
  }
  const args: SlackArgs = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_FIELDS.has(key) ? decodeJson(value) : value;
  }
  return args;
};
const decodeJson = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return value; // Slack would refuse it; leave it visible to the test as sent.
  }
};
const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
const summarize = (call: RecordedCall): string => {
  const args = JSON.stringify(call.args);
  const shown = args.length > 120 ? `${args.slice(0, 117)}...` : args;
  return `${call.method} ${shown} -> ${call.status} ${call.response.error ?? 'ok'}`;
};

class LoopbackSlackApi implements FakeSlackApi {
  url = '';
  readonly calls: RecordedCall[] = [];
  private readonly workspace = new FakeWorkspace();
  private readonly faults = new Map<string, Fault[]>();
  private hooks: Hook[] = [];
  private readonly events = new EventEmitter();
  private readonly server = createServer((req, res) => {
    // A bug in a method handler must fail that call loudly, not leave the client hanging.
    this.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake Slack crashed: ${String(error)}`);
    });
  });
  private responseUrls = 0;

  constructor(private readonly options: FakeSlackApiOptions) {
    this.setUsers(options.users ?? {});
    this.setChannels(options.channels ?? {});
    this.setFiles(options.files ?? {});
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
    this.workspace.uploadBase = `${new URL(this.url).origin}/`;
  }

  uploads(): FakeUpload[] {
    return [...this.workspace.uploads.values()];
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  waitFor(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> {
    return new Promise((resolve, reject) => {
      const settle = (call: RecordedCall | undefined, error?: unknown) => {
        if (!call && error === undefined) return;
        clearTimeout(timer);
        this.events.off('call', onCall);
        if (call) resolve(call);
        else reject(error instanceof Error ? error : new Error(String(error)));
      };
      const find = (calls: readonly RecordedCall[]) => {
        try {
          settle(calls.find((c) => c.method === method && predicate(c)));
        } catch (error) {
          settle(undefined, error); // a throwing predicate ends the wait with its error
        }
      };
      const onCall = (call: RecordedCall) => find([call]);
      const timer = setTimeout(() => {
        const seen = this.calls.map(summarize).join('\n  ') || '(none)';
        settle(
          undefined,
          new Error(
            `fake Slack: no matching ${method} call within ${timeoutMs} ms; calls seen:\n  ${seen}`,
          ),
        );
      }, timeoutMs);
      this.events.on('call', onCall);
      find(this.calls);
    });
  }

  rateLimitNext(method: string, retryAfterSeconds: number, count = 1): void {
    this.addFaults(method, { kind: 'ratelimit', seconds: retryAfterSeconds }, count);
  }
  failNext(method: string, status = 500, count = 1): void {
    this.addFaults(method, { kind: 'http', status }, count);
  }
  errorNext(method: string, error: string, count = 1): void {
    this.addFaults(method, { kind: 'error', error }, count);
  }

  beforeAnswer(
    method: string,
    predicate: (call: RecordedCall) => boolean,
    run: (call: RecordedCall) => Promise<void> | void,
  ): void {
    this.hooks.push({ method, predicate, run });
  }

  responseUrl(label = String((this.responseUrls += 1))): string {
    return `${new URL(this.url).origin}/response/${encodeURIComponent(label)}`;
  }

  setUsers(users: Record<string, FakeSlackUser>): void {
    this.workspace.users = new Map(Object.entries(users));
  }
  setChannels(channels: Record<string, FakeSlackChannel>): void {
    this.workspace.channels = new Map(Object.entries(channels));
  }
  addHistory(channel: string, message: HistoryMessage): void {
    this.workspace.history.set(`${channel}:${message.ts}`, { type: 'message', ...message });
  }

  setFiles(files: Record<string, object>): void {
    this.workspace.files = new Map(
      Object.entries(files).map(([id, file]) => [id, { id, ...file } as Record<string, unknown>]),
    );
  }

  reset(): void {
    this.calls.length = 0;
    this.faults.clear();
    this.hooks = [];
  }

  async close(): Promise<void> {
    // The Web API client keeps connections alive; without this close() would wait on them.
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private addFaults(method: string, fault: Fault, count: number): void {
    const queue = this.faults.get(method) ?? [];
    queue.push(...Array.from({ length: count }, () => fault));
    this.faults.set(method, queue);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const upload = /^\/upload\/(\w+)$/.exec(path)?.[1];
    if (upload && req.method === 'POST') {
      // Raw bytes, not a Web API call: recorded with their length only.
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      const status = receiveUpload(this.workspace, upload, bytes);
      const args = { file_id: upload, length: bytes.length };
      const call = { method: 'upload', args, token: undefined, at: new Date(), path, status };
      this.calls.push({ ...call, response: { ok: status === 200 } });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
      this.events.emit('call', this.calls.at(-1));
      return;
    }
    const raw = await readBody(req);
    const method = path.startsWith('/response/')
      ? 'response_url'
      : /^\/api\/([\w.]+)$/.exec(path)?.[1];
    if (req.method !== 'POST' || !method) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no ${req.method} ${path} here`);
      return;
    }
    const parsed = parseBody(raw, req.headers['content-type']);
    const { token: bodyToken, ...args } = parsed ?? { _raw: raw };
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof bodyToken === 'string' ? bodyToken : undefined);
    const answer = parsed
      ? this.answer(method, args, token)
      : { status: 200, body: { ok: false, error: 'invalid_json' } };
    const result = { status: answer.status, response: answer.body };
    const call = { method, args, token, at: new Date(), path, ...result };
    this.calls.push(call);
    const hook = answer.body.ok
      ? this.hooks.find((h) => h.method === method && h.predicate(call))
      : undefined;
    if (hook) {
      this.hooks = this.hooks.filter((h) => h !== hook);
      await hook.run(call);
    }
    res.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      ...answer.headers,
    });
    res.end(JSON.stringify(answer.body));
    this.events.emit('call', call);
  }

  private answer(method: string, args: SlackArgs, token: string | undefined): Answer {
    const fault = this.faults.get(method)?.shift();
    if (fault?.kind === 'ratelimit') {
      const headers = { 'Retry-After': String(fault.seconds) };
      return { status: 429, body: { ok: false, error: 'ratelimited' }, headers };
    }
    if (fault?.kind === 'http')
      return { status: fault.status, body: { ok: false, error: 'internal_error' } };
    if (fault?.kind === 'error') return { status: 200, body: { ok: false, error: fault.error } };
    if (method === 'response_url') return { status: 200, body: { ok: true } };
    if (method === 'apps.connections.open') {
      // Slack wants the app-level token here (xapp-), and answers with a fresh URL.
      if (!token?.startsWith('xapp-'))
        return { status: 200, body: { ok: false, error: 'not_allowed_token_type' } };
      const url = this.options.socketModeUrl;
      return { status: 200, body: url ? { ok: true, url } : { ok: false, error: 'not_enabled' } };
    }
    const handler = SLACK_METHODS[method];
    if (!handler) return { status: 200, body: { ok: false, error: 'unknown_method' } };
    if (!token) return { status: 200, body: { ok: false, error: 'not_authed' } };
    if (this.options.tokens && !this.options.tokens.includes(token)) {
      return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    }
    return { status: 200, body: handler(args, this.workspace) };
  }
}

/** Starts the fake on 127.0.0.1 at a free port. Call `close()` when done. */
export const startFakeSlackApi = async (
  options: FakeSlackApiOptions = {},
): Promise<FakeSlackApi> => {
  const fake = new LoopbackSlackApi(options);
  await fake.listen();
  return fake;
};
