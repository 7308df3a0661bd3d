/**
 * The columns of `caseline export`: one row per case, or one per history event. Values
 * are plain (strings, numbers, booleans, ISO instants) so CSV and JSON lines carry the
 * same row; an absent value is an empty cell in CSV and `null` in JSON.
 */
import type { CaseEvent, CaseState } from '../case/types.js';

/** `data` of an event stays an object: a JSON line nests it, csv-stringify writes it as JSON. */
export type ExportValue =
  string | number | boolean | null | Readonly<Record<string, string | number | boolean | null>>;
export type ExportRow = Readonly<Record<string, ExportValue>>;

export const EXPORT_KINDS = ['cases', 'events'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const CASE_COLUMNS = [
  'id',
  'number',
  'title',
  'description',
  'status',
  'statusCategory',
  'priority',
  'queue',
  'organization',
  'contact',
  'assignee',
  'product',
  'productVersion',
  'module',
  'supportKey',
  'contractLevel',
  'slaPolicy',
  'channel',
  'flags',
  'resolution',
  'minutesLogged',
  'events',
  'createdAt',
  'firstResponseAt',
  'solvedAt',
  'closedAt',
  'updatedAt',
] as const;

export const EVENT_COLUMNS = [
  'caseNumber',
  'eventId',
  'at',
  'type',
  'visibility',
  'actorKind',
  'actorName',
  'actorRole',
  'minutes',
  'text',
  'data',
] as const;

export const columnsOf = (kind: ExportKind): readonly string[] =>
  kind === 'cases' ? CASE_COLUMNS : EVENT_COLUMNS;

const iso = (at: Date | undefined): string | null => (at ? at.toISOString() : null);

export const caseRow = (state: CaseState): ExportRow => ({
  id: state.id,
  number: state.number,
  title: state.title,
  description: state.description,
  status: state.status,
  statusCategory: state.statusCategory,
  priority: state.priority,
  queue: state.queueKey,
  organization: state.organizationKey,
  contact: state.contactName,
  assignee: state.assigneeName ?? null,
  product: state.productKey ?? null,
  productVersion: state.productVersion ?? null,
  module: state.module ?? null,
  supportKey: state.supportKey ?? null,
  contractLevel: state.contractLevel ?? null,
  slaPolicy: state.slaPolicy ?? null,
  channel: state.origin.channel,
  flags: state.flags.join(';'),
  resolution: state.resolution?.type ?? null,
  minutesLogged: state.minutesLogged,
  events: state.events.length,
  createdAt: iso(state.createdAt),
  firstResponseAt: iso(state.firstResponseAt),
  solvedAt: iso(state.solvedAt),
  closedAt: iso(state.closedAt),
  updatedAt: iso(state.updatedAt),
});

export const eventRow = (state: CaseState, event: CaseEvent): ExportRow => ({
  caseNumber: state.number,
  eventId: event.id,
  at: event.at.toISOString(),
  type: event.type,
  visibility: event.visibility,
  actorKind: event.actor.kind,
  actorName: event.actor.name,
  actorRole: event.actor.role,
  minutes: event.minutes ?? null,
  text: event.text ?? null,
  data: event.data ?? null,
});

/** A case's rows: itself, or its events at or after `since` (internal ones included). */
export const rowsOf = (kind: ExportKind, state: CaseState, since?: Date): ExportRow[] =>
  kind === 'cases'
    ? [caseRow(state)]
    : state.events
        .filter((event) => !since || event.at.getTime() >= since.getTime())
        .map((event) => eventRow(state, event));
