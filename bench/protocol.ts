/**
 * The calls between bench/slack.ts or bench/teams.ts and their child processes
 * (bench/ipc.ts carries them): what each part is told at start and what it answers.
 */
import { z } from 'zod';
import { defineCall } from './ipc.js';

export const Chat = z.enum(['slack', 'teams']);
export type Chat = z.infer<typeof Chat>;

/** Where a server part listens: a loopback origin, `http://127.0.0.1:PORT`. */
const Listening = z.object({ origin: z.string() });

// bench/database-server.ts: MONGODB_URI when given, else an embedded throwaway server.
export const START_DATABASE = defineCall(
  'database.start',
  z.object({ mongodbUri: z.string().optional() }),
  z.object({ uri: z.string(), kind: z.string() }),
);

// bench/bare-server.ts
export const START_BARE = defineCall('bare.start', z.object({}), Listening);

// bench/app-server.ts: the app through serve(), on a fresh database of the given server.
export const AppConfig = z.discriminatedUnion('chat', [
  z.object({
    chat: z.literal('slack'),
    databaseUri: z.string(),
    signingSecret: z.string(),
    apiUrl: z.string(),
  }),
  z.object({ chat: z.literal('teams'), databaseUri: z.string() }),
]);
export type AppConfig = z.infer<typeof AppConfig>;
export const START_APP = defineCall('app.start', AppConfig, Listening);

/**
 * A customer's message, as the fake chat API sees the cards answering it: Slack's DM
 * channel and message ts (the customer card is posted in its thread), or Teams'
 * conversation id and activity id (the customer card replies to it).
 */
export const MessageKey = z.object({ conversation: z.string(), message: z.string() });
export type MessageKey = z.infer<typeof MessageKey>;

// bench/slack-fake.ts and bench/teams-fake.ts
export const START_FAKE = defineCall('fake.start', z.object({}), z.object({ url: z.string() }));
/** Resolves once both cards of the message's case are posted: its case id. */
export const CARDS = defineCall(
  'fake.cards',
  z.object({ key: MessageKey, timeoutMs: z.number() }),
  z.object({ caseId: z.string() }),
);
export const Progress = z.object({
  /** Calls the fake has answered so far, and by method from `sinceCall` on. */
  calls: z.number(),
  methods: z.record(z.string(), z.number()),
  /** Of the messages asked about: how many got their customer card, how many both. */
  customer: z.number(),
  both: z.number(),
});
export type Progress = z.infer<typeof Progress>;
export const PROGRESS = defineCall(
  'fake.progress',
  z.object({ keys: z.array(MessageKey), sinceCall: z.number() }),
  Progress,
);

// bench/load-generator.ts
export const LoadConfig = z.object({
  chat: Chat,
  appOrigin: z.string(),
  bareOrigin: z.string(),
  /** Teams: the activities' serviceUrl (the fake connector). */
  fakeUrl: z.string(),
  /** Slack: what the requests are signed with. */
  signingSecret: z.string(),
});
export type LoadConfig = z.infer<typeof LoadConfig>;
export const START_LOAD = defineCall('load.start', LoadConfig, z.object({}));

export const Round = z.object({ latencies: z.array(z.number()), failures: z.number() });
export type Round = z.infer<typeof Round>;
export const Pair = z.object({ bare: Round, app: Round });
export type Pair = z.infer<typeof Pair>;

export const Intake = z.object({
  caseIds: z.array(z.string()),
  failed: z.number(),
  seconds: z.number(),
  /** Milliseconds from the start to each case's both cards, and each case's own latency. */
  doneAt: z.array(z.number()),
  latencies: z.array(z.number()),
});
export type Intake = z.infer<typeof Intake>;
/** Opens `count` cases, `concurrency` in flight, each done once both its cards are out. */
export const INTAKE = defineCall(
  'load.intake',
  z.object({ count: z.number(), concurrency: z.number(), timeoutMs: z.number() }),
  Intake,
);

export const Acks = z.object({
  warm: Pair,
  /** Measured rounds by order: [bare first, app first]. */
  byOrder: z.tuple([Pair, Pair]),
  sent: z.number(),
  /** The intake stream that ran meanwhile: each message and what the app answered. */
  stream: z.array(z.object({ key: MessageKey, status: z.number() })),
  seconds: z.number(),
});
export type Acks = z.infer<typeof Acks>;
export const AcksJob = z.object({
  /** The cases the measured requests are about (Slack: the ones clicked). */
  caseIds: z.array(z.string()),
  /** Measured requests per target, after `warmRounds` rounds that warm sockets, JIT, caches. */
  count: z.number(),
  roundSize: z.number(),
  warmRounds: z.number(),
  concurrency: z.number(),
  streamPerSecond: z.number(),
});
export type AcksJob = z.infer<typeof AcksJob>;
/** Alternating rounds of the same requests to both targets while messages stream in. */
export const ACKS = defineCall('load.acks', AcksJob, Acks);
/** Teams card presses, answered with the refreshed card: round trips, not acks. */
export const INVOKES = defineCall(
  'load.invokes',
  z.object({ caseIds: z.array(z.string()), count: z.number(), concurrency: z.number() }),
  Round,
);
