/**
 * The one place configuration enters: the environment and `caseline.yaml`, validated
 * together, every problem reported at once with its path, then frozen (STYLE.md §7).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { deepFreeze } from './domain/freeze.js';
import { queueInputSchema, type QueueInput } from './domain/directory.js';
import { PRIORITIES, type Priority } from './domain/priority.js';
import { csatSettingsSchema, type CsatSettings } from './domain/case/csat.js';
import { digestScheduleSchema, type DigestTarget } from './domain/digest/schedule.js';
import { parseSlaConfig, type SlaConfig, type SlaProblem } from './domain/sla/index.js';
import {
  isWorkflowPresetName,
  parseWorkflow,
  WORKFLOW_PRESETS,
  type Workflow,
} from './domain/workflow/index.js';

/** Default `kb.suggestionMinScore`: chosen with `npm run eval:kb` (README "How search works"). */
export const SUGGESTION_MIN_CONFIDENCE = 0.35;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const optionalText = z.string().trim().min(1).optional();

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  MONGODB_URI: z
    .string()
    .trim()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  CASELINE_CONFIG: optionalText,
  // Chat credentials: the Slack and Teams adapters validate the combinations they need.
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url().optional(),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  /** `off` keeps the local playground page away even when no chat platform is configured. */
  CASELINE_PLAYGROUND: z.enum(['auto', 'off']).default('auto'),
});
export type Env = z.infer<typeof envSchema>;

const chatAddress = z
  .string()
  .trim()
  .regex(/^(slack|teams):\S+$/, 'must be a chat address such as slack:C0123ABCD');

export const fileSchema = z.strictObject({
  caseNumber: z
    .strictObject({
      prefix: z
        .string()
        .regex(/^[A-Z][A-Z0-9]{0,9}$/, 'must be 1-10 capital letters or digits, such as CASE')
        .default('CASE'),
      /** Numbers start after this, so the first case is CASE-1001 by default. */
      start: z.number().int().min(0).default(1000),
    })
    .default({ prefix: 'CASE', start: 1000 }),
  workflow: z.union([z.string(), z.record(z.string(), z.unknown())]).default('simple'),
  priorities: z
    .strictObject({
      default: z.enum(PRIORITIES).default('normal'),
      labels: z.partialRecord(z.enum(PRIORITIES), z.string().trim().min(1)).default({}),
    })
    .default({ default: 'normal', labels: {} }),
  // A queue may have a weekly digest of its own (README "Weekly digest"); it is config, not
  // directory data, so it is taken off before the queues are stored.
  queues: z.array(queueInputSchema.extend({ digest: digestScheduleSchema.optional() })).default([]),
  /** The whole desk's weekly digest. */
  digest: digestScheduleSchema.optional(),
  supportChannels: z
    .array(z.strictObject({ channel: chatAddress, organization: z.string().trim().min(1) }))
    .default([]),
  intake: z
    .strictObject({
      /** Messages from the same person within this window join the case they opened. */
      groupingWindowSeconds: z.number().int().min(0).max(3600).default(120),
      /** An agent's reaction (emoji name, no colons) that opens a case from a customer's message. */
      ticketReaction: z
        .string()
        .regex(/^[a-z0-9_+-]+$/, 'must be an emoji name such as ticket')
        .default('ticket'),
      /**
       * A customer writing on their closed case may reopen it for this many days after it
       * closed; later they are offered a new case that refers to it. 0: never.
       */
      reopenWithinDays: z.number().int().min(0).max(365).default(14),
    })
    .default({ groupingWindowSeconds: 120, ticketReaction: 'ticket', reopenWithinDays: 14 }),
  /** Calendars, SLA policies and the default policy; checked by the SLA domain's schema. */
  sla: z.unknown().optional(),
  /** The satisfaction survey after a close (README "Customer satisfaction"). */
  csat: csatSettingsSchema,
  outbox: z
    .strictObject({
      pollMs: z.number().int().min(50).max(60_000).default(1000),
      maxAttempts: z.number().int().min(1).max(100).default(12),
      /** How long a replica holds a case's notifications before another (or a restart) may. */
      leaseSeconds: z.number().int().min(1).max(3_600).default(60),
    })
    .default({ pollMs: 1000, maxAttempts: 12, leaseSeconds: 60 }),
  /** The durable inbox every chat delivery is written to before its ack (README "Reliability"). */
  inbox: z
    .strictObject({
      /** How long the write may take before the delivery is refused (Slack's ack limit is 3 s). */
      writeTimeoutMs: z.number().int().min(100).max(2_500).default(2_000),
      /** How long a replica holds a delivery it took before another may resume it. */
      leaseSeconds: z.number().int().min(1).max(3_600).default(30),
      /** How often each replica looks for deliveries a crash left behind (one scan each). */
      sweepSeconds: z.number().int().min(1).max(600).default(30),
      /** Attempts per delivery before it is given up (and logged). */
      maxAttempts: z.number().int().min(1).max(100).default(8),
      /** How long processed deliveries are kept (redeliveries within it are recognised). */
      retentionDays: z.number().int().min(1).max(365).default(7),
    })
    .default({
      writeTimeoutMs: 2_000,
      leaseSeconds: 30,
      sweepSeconds: 30,
      maxAttempts: 8,
      retentionDays: 7,
    }),
  /** Where people reach this server from outside (the links `/support desk` sends). */
  http: z
    .strictObject({
      publicUrl: z
        .url({ protocol: /^https?$/ })
        .refine((url) => !URL.canParse(url) || new URL(url).pathname === '/', {
          error: 'must be an origin without a path, such as https://caseline.example.com',
        })
        .optional(),
    })
    .default({}),
  /** The read-only desk page at /desk (README "The desk page"). */
  desk: z
    .strictObject({
      /** How long a sign-in lasts before `/support desk` must be asked again. */
      sessionHours: z.number().int().min(1).max(720).default(12),
    })
    .default({ sessionHours: 12 }),
  kb: z
    .strictObject({
      /**
       * Intake suggestions less likely than this to answer the case are left out: a
       * confidence in [0, 1] (see README "How search works"). It used to be a raw score
       * (e.g. 40), which meant something different on every knowledge base.
       */
      suggestionMinScore: z
        .number()
        .min(0)
        .max(1, {
          error:
            'suggestionMinScore is a confidence between 0 and 1 now (the old raw scores such as 40 meant something different on every knowledge base); the default is ' +
            SUGGESTION_MIN_CONFIDENCE,
        })
        .default(SUGGESTION_MIN_CONFIDENCE),
      /** How often a replica looks for articles other replicas changed. */
      followPollMs: z.number().int().min(100).max(600_000).default(5000),
      /** The solution text is indexed only while the knowledge base has fewer articles. */
      solutionFieldMaxArticles: z.number().int().min(0).default(20_000),
    })
    .default({
      suggestionMinScore: SUGGESTION_MIN_CONFIDENCE,
      followPollMs: 5000,
      solutionFieldMaxArticles: 20_000,
    }),
});
type FileConfig = z.infer<typeof fileSchema>;

export interface Config {
  readonly env: Env;
  readonly configPath: string | undefined;
  readonly caseNumber: FileConfig['caseNumber'];
  readonly workflow: Workflow;
  readonly priorities: {
    readonly default: Priority;
    readonly labels: Readonly<Record<Priority, string>>;
  };
  readonly queues: readonly QueueInput[];
  readonly supportChannels: FileConfig['supportChannels'];
  readonly outbox: FileConfig['outbox'];
  readonly inbox: FileConfig['inbox'];
  readonly intake: FileConfig['intake'];
  readonly kb: FileConfig['kb'];
  readonly http: FileConfig['http'];
  readonly desk: FileConfig['desk'];
  /** Undefined when caseline.yaml has no `sla` section: no clocks run. */
  readonly sla: SlaConfig | undefined;
  readonly csat: CsatSettings;
  /** Weekly digests to post: the desk's and each queue's that has one. */
  readonly digests: readonly DigestTarget[];
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Caseline cannot start; the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const pathOf = (source: string, path: readonly PropertyKey[]): string =>
  path.length === 0 ? source : `${source}: ${path.map(String).join('.')}`;

const issuesOf = (source: string, error: z.ZodError): string[] =>
  error.issues.map((issue) => `${pathOf(source, issue.path)}: ${issue.message}`);

/** Reads and parses the YAML file; a missing default file means built-in defaults. */
const readFile = (path: string | undefined, cwd: string, problems: string[]): unknown => {
  const file = resolve(cwd, path ?? 'caseline.yaml');
  if (!existsSync(file)) {
    if (path !== undefined) problems.push(`CASELINE_CONFIG: no such file ${file}`);
    return {};
  }
  try {
    return parseYaml(readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    problems.push(
      `${file}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
    return {};
  }
};

const resolveWorkflow = (value: FileConfig['workflow'], problems: string[]): Workflow => {
  if (typeof value === 'string') {
    if (isWorkflowPresetName(value)) return WORKFLOW_PRESETS[value];
    problems.push(
      `caseline.yaml: workflow: unknown preset "${value}" (simple, case-management, defect-lifecycle, or a custom definition)`,
    );
    return WORKFLOW_PRESETS.simple;
  }
  const parsed = parseWorkflow(value);
  if (parsed.ok) return parsed.value;
  problems.push(`caseline.yaml: workflow: ${parsed.message}`);
  return WORKFLOW_PRESETS.simple;
};

const resolveSla = (value: unknown, problems: string[]): SlaConfig | undefined => {
  if (value === undefined) return undefined;
  const parsed = parseSlaConfig(value);
  if (parsed.ok) return parsed.value;
  const found = (parsed.details?.problems ?? []) as SlaProblem[];
  problems.push(...found.map((p) => `caseline.yaml: sla.${p.path}: ${p.message}`));
  return undefined;
};

const checkQueues = (queues: readonly QueueInput[], problems: string[]): void => {
  const keys = queues.map((queue) => queue.key);
  keys.forEach((key, index) => {
    if (keys.indexOf(key) !== index)
      problems.push(`caseline.yaml: queues.${index}.key: repeats "${key}"`);
  });
  if (queues.filter((queue) => queue.isDefault).length > 1) {
    problems.push('caseline.yaml: queues: more than one queue has isDefault: true');
  }
};

/** Loads the whole configuration or throws a ConfigError listing every problem. */
export const loadConfig = (
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): Config => {
  const problems: string[] = [];
  const envResult = envSchema.safeParse(env);
  if (!envResult.success) problems.push(...issuesOf('env', envResult.error));
  if (envResult.success && envResult.data.NODE_ENV === 'production' && !envResult.data.MONGODB_URI)
    problems.push(
      'env: MONGODB_URI: required when NODE_ENV=production; without it each replica starts its own local database and holds its own data. Set MONGODB_URI to your MongoDB (a replica set or Atlas), or leave NODE_ENV unset for a single local install',
    );
  const configPath = envResult.success ? envResult.data.CASELINE_CONFIG : undefined;
  const raw = readFile(configPath, cwd, problems);
  const fileResult = fileSchema.safeParse(raw);
  if (!fileResult.success) problems.push(...issuesOf('caseline.yaml', fileResult.error));
  const file = fileResult.success ? fileResult.data : fileSchema.parse({});
  const workflow = resolveWorkflow(file.workflow, problems);
  checkQueues(file.queues, problems);
  file.queues.forEach((queue, index) => {
    const takes = queue.rota?.takes;
    if (!takes || takes === 'pool') return;
    for (const status of takes.statuses)
      if (!workflow.statuses.some((s) => s.id === status))
        problems.push(
          `caseline.yaml: queues.${index}.rota.takes.statuses: the workflow has no status "${status}"`,
        );
  });
  const sla = resolveSla(file.sla, problems);
  sla?.languishing.forEach((rule, index) => {
    if (!workflow.statuses.some((status) => status.id === rule.status))
      problems.push(
        `caseline.yaml: sla.languishing.${index}.status: the workflow has no status "${rule.status}"`,
      );
  });
  if (problems.length > 0 || !envResult.success) throw new ConfigError(problems);
  const labels = Object.fromEntries(
    PRIORITIES.map((p) => [p, file.priorities.labels[p] ?? p[0]!.toUpperCase() + p.slice(1)]),
  ) as Record<Priority, string>;
  return deepFreeze({
    env: envResult.data,
    configPath:
      configPath ?? (existsSync(resolve(cwd, 'caseline.yaml')) ? 'caseline.yaml' : undefined),
    caseNumber: file.caseNumber,
    workflow,
    priorities: { default: file.priorities.default, labels },
    queues: file.queues.map(({ digest: _digest, ...queue }) => queue),
    supportChannels: file.supportChannels,
    outbox: file.outbox,
    inbox: file.inbox,
    intake: file.intake,
    kb: file.kb,
    http: file.http,
    desk: file.desk,
    sla,
    csat: file.csat,
    digests: [
      ...(file.digest ? [file.digest] : []),
      ...file.queues.flatMap((q) => (q.digest ? [{ ...q.digest, queueKey: q.key }] : [])),
    ],
  });
};
