import type { Role } from '../roles.js';

/**
 * What a status means to the rest of the system. The SLA engine reads categories, never
 * status ids, so a custom workflow can rename and add statuses without touching timers:
 * `pending-customer` pauses the clock, `solved` stops resolution timing, `closed` is final.
 */
export const STATUS_CATEGORIES = [
  'new',
  'open',
  'pending-customer',
  'pending-internal',
  'solved',
  'closed',
] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** Facts a transition can insist on before a case may move along it. */
export const REQUIREMENTS = ['resolution', 'resolution-sent', 'no-open-tasks', 'assignee'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

/** Replaced by the next promised time in `customerSentence`, e.g. "Tue 14:00". */
export const NEXT_UPDATE_PLACEHOLDER = '{nextUpdate}';

export interface Status {
  /** Stable kebab-case id stored on cases; renaming `name` never breaks stored data. */
  readonly id: string;
  /** What agents see on buttons and lists. */
  readonly name: string;
  readonly category: StatusCategory;
  /** Short plain-English label shown to the customer instead of the internal name. */
  readonly customerLabel: string;
  /** Tells the customer what happens next; may contain `{nextUpdate}`. */
  readonly customerSentence: string;
}

export interface Transition {
  /** Status ids this move starts from; one edge may serve several sources. */
  readonly from: readonly string[];
  readonly to: string;
  /** Only these roles may take the edge; there is no implicit hierarchy. */
  readonly roles: readonly Role[];
  readonly requires: readonly Requirement[];
  /** Button text; falls back to the target status name. */
  readonly label?: string;
}

export interface Workflow {
  readonly name: string;
  /** Status id every new case starts in. */
  readonly initial: string;
  readonly statuses: readonly Status[];
  readonly transitions: readonly Transition[];
  /** Status id a solved (or waiting) case returns to when the customer replies or reopens. */
  readonly reopenTo: string;
  /** Ordered task statuses: the first is where a task starts, the last means done. */
  readonly taskStatuses?: readonly string[];
}
