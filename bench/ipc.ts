/**
 * The processes of a benchmark and how they talk. Each part (the app, the bare server, the
 * load generator, the fake chat API) is a child process started with
 * `node --import tsx <entry>`, so a pause in one (GC, post-ack work, signing) lands on that
 * one alone. Parent and child call each other over the IPC channel; every message is
 * checked with zod on arrival, since the two ends are separate programs.
 *
 * No orphans: a child stops itself (bounded) when its parent is gone (its IPC channel
 * closes) or on SIGTERM/SIGINT, and the parent sends SIGTERM to every child still running
 * when it exits, also on SIGINT and SIGTERM. Not SIGKILL: the database part must get to
 * stop the server it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** One call a process answers: its name and what goes in and comes back. */
export interface Call<I, O> {
  readonly name: string;
  readonly input: z.ZodType<I>;
  readonly output: z.ZodType<O>;
}

export const defineCall = <I, O>(
  name: string,
  input: z.ZodType<I>,
  output: z.ZodType<O>,
): Call<I, O> => ({ name, input, output });

/** Every child answers it: stop what runs, then the parent disconnects and the child exits. */
export const STOP = defineCall('stop', z.object({}), z.object({}));

const Message = z.union([
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('call'), id: z.number(), name: z.string(), body: z.unknown() }),
  z.object({
    kind: z.literal('reply'),
    id: z.number(),
    body: z.unknown(),
    error: z.string().optional(),
  }),
]);
type Message = z.infer<typeof Message>;
type Send = (message: Message) => void;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Calls both ways over one channel: each side calls the other and answers its calls. */
export class Rpc {
  private readonly pending = new Map<number, (reply: { body: unknown; error?: string }) => void>();
  private readonly handlers = new Map<string, (body: unknown) => Promise<unknown>>();
  private ids = 0;
  private closed: Error | undefined;

  constructor(
    private readonly send: Send,
    private readonly peer: string,
    private readonly onReady: () => void = () => undefined,
  ) {}

  handle<I, O>(call: Call<I, O>, answer: (input: I) => Promise<O>): void {
    this.handlers.set(call.name, (body) => answer(call.input.parse(body)));
  }

  /** Bounded: a peer that hangs fails the call instead of the whole run waiting on it. */
  async call<I, O>(call: Call<I, O>, input: I, timeoutMs = 15 * 60_000): Promise<O> {
    if (this.closed) throw this.closed;
    const id = (this.ids += 1);
    const reply = await new Promise<{ body: unknown; error?: string }>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.peer}: ${call.name} unanswered after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.send({ kind: 'call', id, name: call.name, body: input });
    });
    if (reply.error !== undefined) throw new Error(`${this.peer}: ${call.name}: ${reply.error}`);
    return call.output.parse(reply.body);
  }

  receive(raw: unknown): void {
    const message = Message.parse(raw);
    if (message.kind === 'ready') return this.onReady();
    if (message.kind === 'reply') {
      const settle = this.pending.get(message.id);
      this.pending.delete(message.id);
      return settle?.(message);
    }
    const { id, name, body } = message;
    const handler = this.handlers.get(name) ?? (() => Promise.reject(new Error(`no ${name}`)));
    void handler(body).then(
      (answer) => this.send({ kind: 'reply', id, body: answer }),
      (error: unknown) =>
        this.send({
          kind: 'reply',
          id,
          body: null,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  }

  /** The peer is gone: what waits on it fails now rather than at its timeout. */
  close(error: Error): void {
    this.closed = error;
    for (const settle of this.pending.values()) settle({ body: null, error: error.message });
    this.pending.clear();
  }
}

export interface Child {
  readonly name: string;
  readonly rpc: Rpc;
  /** Rejects if the child exits before it was asked to stop; never resolves otherwise. */
  readonly crashed: Promise<never>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let guarded = false;
const guardAgainstOrphans = () => {
  if (guarded) return;
  guarded = true;
  process.once('exit', () => running.forEach((child) => child.kill('SIGTERM')));
  // Without a listener these signals end the process without running its 'exit' hooks.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
};

/** Starts `entry` (a module URL) and resolves once it takes calls. */
export const spawnChild = async (name: string, entry: URL): Promise<Child> => {
  guardAgainstOrphans();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(entry)], {
    cwd: ROOT, // the config and examples paths are relative to the repo root
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  running.add(child);
  let stopping = false;
  let ready: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const send: Send = (message) =>
    void child.send(message, (error) => error && rpc.close(new Error(`${name}: ${error.message}`)));
  const rpc = new Rpc(send, name, () => ready());
  child.on('message', (message) => rpc.receive(message));
  child.on('error', (error) => rpc.close(new Error(`${name}: ${error.message}`)));
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(signal ?? `code ${code}`);
    }),
  );
  const crashed = exited.then((how): Promise<never> => {
    const error = new Error(`${name} exited (${how})`);
    rpc.close(error);
    return stopping ? new Promise<never>(() => undefined) : Promise.reject(error);
  });
  crashed.catch(() => undefined); // observed by whoever races it; not an unhandled rejection
  const kill = () => child.kill('SIGKILL');
  const tooSlow = setTimeout(kill, 60_000); // tsx compiles on the fly: seconds, not a minute
  try {
    await Promise.race([started, crashed]);
  } finally {
    clearTimeout(tooSlow);
  }
  return {
    name,
    rpc,
    crashed,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      await rpc.call(STOP, {}, 30_000).catch(() => undefined);
      const timer = setTimeout(kill, 10_000);
      if (child.connected) child.disconnect();
      await exited;
      clearTimeout(timer);
    },
  };
};

/**
 * In a child: answers the parent's calls (`setup` registers them), says it is ready, and
 * exits once the parent disconnects, after `stop` (bounded, so a stuck stop still exits).
 */
export const serveParent = (setup: (rpc: Rpc) => void, stop: () => Promise<void>): void => {
  const toParent = process.send?.bind(process);
  if (!toParent) throw new Error('a benchmark part runs as a child of its benchmark');
  // A parent gone mid-send is handled by 'disconnect' below, not by a throw here.
  const rpc = new Rpc(
    (message) => void toParent(message, undefined, undefined, () => undefined),
    'parent',
  );
  let stopped: Promise<void> | undefined;
  const stopOnce = () =>
    (stopped ??= stop().catch((error: unknown) => console.error('stop failed:', error)));
  rpc.handle(STOP, async () => {
    await stopOnce();
    return {};
  });
  setup(rpc);
  process.on('message', (message) => rpc.receive(message));
  const end = (code: number) => {
    setTimeout(() => process.exit(1), 20_000).unref();
    void stopOnce().finally(() => process.exit(code));
  };
  // Asked to stop first: a clean end; else the parent died and this one must not linger.
  process.once('disconnect', () => end(stopped ? 0 : 1));
  process.once('SIGTERM', () => end(143));
  process.once('SIGINT', () => end(130));
  toParent({ kind: 'ready' } satisfies Message);
};
