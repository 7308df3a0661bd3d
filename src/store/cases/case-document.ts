import { z } from 'zod';
import {
  EFFECT_TOPICS,
  EVENT_TYPES,
  NOTIFICATION_TOPICS,
  type CaseState,
} from '../../domain/case/types.js';
import { PRIORITIES } from '../../domain/priority.js';
import type { ReportedCase } from '../../ports/case-repository.js';
import { resolutionSchema } from '../../domain/resolution.js';
import { ROLES } from '../../domain/roles.js';
import { STATUS_CATEGORIES } from '../../domain/workflow/index.js';

// Documents read back are validated (STYLE.md §3): a hand-edited or half-migrated case
// fails loudly here instead of deep inside a use case. Nulls become absent fields.
const opt = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const date = z.date();
const withoutNulls = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null))
    : value;

const actorRef = z.object({
  kind: z.enum(['customer', 'staff', 'system']),
  id: z.string(),
  name: z.string(),
  role: z.enum([...ROLES, 'system']),
});

const event = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  at: date,
  actor: actorRef,
  visibility: z.enum(['public', 'internal']),
  minutes: opt(z.number()),
  text: opt(z.string()),
  data: opt(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

const outboxEntry = z.object({
  id: z.string(),
  topic: z.enum([...NOTIFICATION_TOPICS, ...EFFECT_TOPICS]),
  audience: z.enum(['customer', 'staff']),
  eventId: opt(z.string()),
  createdAt: date,
  state: z.enum(['pending', 'delivered', 'dead']),
  attempts: z.number(),
  nextAttemptAt: date,
  deliveredAt: opt(date),
  lastError: opt(z.string()),
});

const attachment = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.literal('text/plain'),
  text: z.string(),
  visibility: z.enum(['public', 'internal']),
  eventId: z.string(),
  field: z.enum(['description', 'message']),
  createdAt: date,
});

const task = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  assigneeId: opt(z.string()),
  assigneeName: opt(z.string()),
  handover: opt(z.string()),
  createdAt: date,
  completedAt: opt(date),
});

export const caseDocumentSchema = z.object({
  _id: z.string(),
  number: z.string(),
  seq: z.number(),
  version: z.number(),
  intakeKey: z.string(),
  title: z.string(),
  description: z.string(),
  impact: opt(z.string()),
  expectation: opt(z.string()),
  organizationId: z.string(),
  organizationKey: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  productKey: opt(z.string()),
  productVersion: opt(z.string()),
  module: opt(z.string()),
  installationId: opt(z.string()),
  supportKey: opt(z.string()),
  contractId: opt(z.string()),
  contractLevel: opt(z.string()),
  slaPolicy: opt(z.string()),
  escalationLevel: opt(z.number()),
  flags: z.array(
    z.enum(['unknown-support-key', 'expired-contract', 'no-contract', 'unknown-contact']),
  ),
  queueKey: z.string(),
  assigneeId: opt(z.string()),
  assigneeName: opt(z.string()),
  status: z.string(),
  statusCategory: z.enum(STATUS_CATEGORIES),
  priority: z.enum(PRIORITIES),
  // Older writes stored an absent doc link as null; read those as absent.
  resolution: opt(z.preprocess(withoutNulls, resolutionSchema)),
  resolutionSentAt: opt(date),
  tasks: z.array(task),
  linkedIssues: z.array(z.object({ url: z.string(), title: opt(z.string()) })),
  minutesLogged: z.number(),
  origin: z.object({
    channel: z.enum(['slack', 'teams', 'phone', 'email', 'cli', 'api']),
    address: opt(z.string()),
    messageId: opt(z.string()),
    workspace: opt(z.string()),
  }),
  createdAt: date,
  updatedAt: date,
  firstResponseAt: opt(date),
  solvedAt: opt(date),
  closedAt: opt(date),
  events: z.array(event),
  // Cases stored before long texts were kept whole have none.
  attachments: z
    .array(attachment)
    .nullish()
    .transform((v) => v ?? []),
  outbox: z.array(outboxEntry),
  outboxSeq: opt(z.number()),
});

/** Optional fields come back absent rather than `undefined`, as the domain types expect. */
const compact = <T extends object>(value: T): T => {
  if (Array.isArray(value))
    return value.map((v) =>
      v && typeof v === 'object' && !(v instanceof Date) ? compact(v) : v,
    ) as T;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[key] = v && typeof v === 'object' && !(v instanceof Date) ? compact(v) : v;
  }
  return out as T;
};

export const toCaseState = (document: unknown): CaseState & { outboxSeq: number } => {
  const { _id, outboxSeq, ...rest } = caseDocumentSchema.parse(document);
  return compact({ id: _id, ...rest, outboxSeq: outboxSeq ?? 0 }) as CaseState & {
    outboxSeq: number;
  };
};

const reportedCaseSchema = caseDocumentSchema.omit({
  outbox: true,
  attachments: true,
  outboxSeq: true,
});

/** A case read for a report, without its outbox and attachments (see scanStates). */
export const toReportedCase = (document: unknown): ReportedCase => {
  const { _id, ...rest } = reportedCaseSchema.parse(document);
  return compact({ id: _id, ...rest }) as ReportedCase;
};
