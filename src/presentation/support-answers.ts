/**
 * What the support commands answer, decided once for both chats: which cases a `list`
 * shows to whom, what `show` tells, and the help. Adapters only render these views.
 * A customer sees their own organization's cases and public history only, with the status
 * labels written for customers; an agent sees the desk's status names and internal notes.
 */
import type { Actor } from '../domain/case/types.js';
import type { CaseView } from '../domain/case/view.js';
import type { Priority } from '../domain/priority.js';
import type { Failure, Result } from '../domain/result.js';
import { parseStatusFilter, statusById, type Workflow } from '../domain/workflow/index.js';
import type { CaseList } from '../use-cases/list-cases.js';
import {
  availabilityBoard,
  setAvailabilityInput,
  statusSetText,
  type AvailabilityBoard,
  type ListAvailability,
  type SetAvailability,
} from './availability-view.js';
import type { ShowRota } from '../use-cases/rota/show-rota.js';
import { rotaBoard, type RotaBoard } from './rota-view.js';
import { caseListLine, WORKED_ON, type CaseListLine, type OrganizationNames } from './case-list.js';
import {
  helpFor,
  type CommandForm,
  type ListRequest,
  type SupportCommand,
} from './support-commands.js';

/** A chat message stays readable with this many lines; more are offered as a narrower list. */
export const LIST_LIMIT = 30;
const HISTORY_LINES = 15;
const HISTORY_TEXT = 200;

export interface HistoryLine {
  /** `2026-12-02 14:05 UTC`: one zone for every reader of a channel. */
  readonly when: string;
  readonly who: string;
  readonly internal: boolean;
  readonly what: string;
  readonly text?: string | undefined;
}

export type SupportAnswer =
  | {
      readonly kind: 'help';
      readonly lines: readonly { readonly usage: string; readonly description: string }[];
    }
  | {
      readonly kind: 'list';
      readonly heading: string;
      /** The same lines as every case list (case-list.ts). */
      readonly cases: readonly CaseListLine[];
      /** Set when more cases match than are shown: how to narrow the list. */
      readonly more?: string | undefined;
      readonly empty: string;
      /** Staff: who in each queue takes work now (where the chat shows it with the list). */
      readonly availability?: AvailabilityBoard | undefined;
    }
  | {
      readonly kind: 'case';
      readonly number: string;
      readonly title: string;
      readonly status: string;
      readonly priority: string;
      readonly assigneeName?: string | undefined;
      readonly history: readonly HistoryLine[];
    }
  /** `list` words that are neither a status nor a filter: the valid ones, named. */
  | { readonly kind: 'unknown-words'; readonly text: string }
  /** `away` / `back` taken: what it means for the agent. */
  | { readonly kind: 'status-set'; readonly text: string }
  | RotaBoard
  | { readonly kind: 'refused'; readonly failure: Failure };

/**
 * `new` opens a form; `kb`, `report` and `desk` have answers of their own (kb-answers.ts,
 * report-cards.ts, desk-sign-in.ts).
 */
export type AnsweredCommand = Exclude<SupportCommand, { kind: 'new' | 'kb' | 'report' | 'desk' }>;

export interface SupportAnswerDeps {
  readonly listCases: (input: unknown) => Promise<Result<CaseList>>;
  readonly getCase: (input: unknown) => Promise<Result<CaseView>>;
  readonly organizationNames: OrganizationNames;
  readonly workflow: Workflow;
  /** The desk's words for priorities ("P2 High"), as the cards show them. */
  readonly priorityLabels: Readonly<Record<Priority, string>>;
  /** `away` / `back`; without it they are answered with the help. */
  readonly setAvailability?: SetAvailability;
  /** When given, a staff list also says who is available (the Teams list). */
  readonly listAvailability?: ListAvailability;
  /** `rota`; without it the command is answered with the help. */
  readonly showRota?: ShowRota;
  /** The zone the chat reports for the person, for dates when their hours name none. */
  readonly timeZone?: string | undefined;
}

const audienceOf = (actor: Actor): 'customer' | 'staff' =>
  actor.kind === 'customer' ? 'customer' : 'staff';

export const utcMinute = (at: Date): string =>
  `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export const makeAnswerSupportCommand = (deps: SupportAnswerDeps) => {
  const { workflow } = deps;
  const statusLabel = (id: string, actor: Actor): string => {
    const status = statusById(workflow, id);
    if (!status) return id;
    return actor.kind === 'customer' ? status.customerLabel : status.name;
  };

  const listInput = (actor: Actor, request: ListRequest) => {
    const staff = actor.kind === 'staff';
    const mine =
      request.mine && actor.kind === 'staff'
        ? { assigneeId: actor.agentId }
        : request.mine && actor.kind === 'customer'
          ? { contactId: actor.contactId }
          : {};
    const categories = request.category ? [request.category] : [...WORKED_ON];
    return {
      actor,
      ...mine,
      ...(request.status ? { status: request.status } : {}),
      ...(request.status || request.all ? {} : { categories }),
      // Queues are the desk's business; a customer's organization is set by the use case.
      ...(staff && request.queueKey ? { queueKey: request.queueKey } : {}),
      ...(staff && request.organizationKey ? { organizationKey: request.organizationKey } : {}),
      limit: LIST_LIMIT,
    };
  };

  const heading = (actor: Actor, request: ListRequest): string => {
    const whose = !request.mine
      ? 'Cases'
      : actor.kind === 'customer'
        ? 'Cases you raised'
        : 'Cases assigned to you';
    const which = request.status
      ? ` in status “${statusLabel(request.status, actor)}”`
      : request.category
        ? ` in the ${request.category} statuses`
        : request.all
          ? ', all'
          : ' still being worked on';
    const where =
      actor.kind === 'staff'
        ? `${request.queueKey ? `, queue ${request.queueKey}` : ''}${request.organizationKey ? `, organization ${request.organizationKey}` : ''}`
        : '';
    return `${whose}${which}${where}`;
  };

  const list = async (actor: Actor, request: ListRequest): Promise<SupportAnswer> => {
    if (request.unknown.length > 0) {
      // The same refusal as the CLI's `--status`, plus the words only the chats take.
      const refused = parseStatusFilter(workflow, request.unknown.join(' '));
      const statuses = refused.ok ? 'Try a status' : refused.message.replace(/\.$/, '');
      return {
        kind: 'unknown-words',
        text: `${statuses}; or mine, all${actor.kind === 'staff' ? ', queue NAME, org NAME' : ''}.`,
      };
    }
    const found = await deps.listCases(listInput(actor, request));
    if (!found.ok) return { kind: 'refused', failure: found };
    const { cases: shown, total } = found.value;
    const names = await deps.organizationNames(shown.map((c) => c.organizationId));
    return {
      kind: 'list',
      heading: heading(actor, request),
      cases: shown.map((c) => caseListLine(c, audienceOf(actor), workflow, names)),
      more:
        total > shown.length
          ? `Showing ${shown.length} of ${total.toLocaleString('en')}, urgent first, then oldest; add a status to narrow the list.`
          : undefined,
      empty: 'No cases match.',
      availability: await availabilityBoard(deps.listAvailability, actor),
    };
  };

  const show = async (actor: Actor, caseNumber: string): Promise<SupportAnswer> => {
    const found = await deps.getCase({ ref: { caseNumber }, actor });
    if (!found.ok) return { kind: 'refused', failure: found };
    // The use case gave a customer their public side only; internal lines are staff's.
    const c = found.value.case;
    return {
      kind: 'case',
      number: c.number,
      title: c.title,
      status: statusLabel(c.status, actor),
      priority: deps.priorityLabels[c.priority],
      assigneeName: c.assigneeName,
      history: c.events.slice(-HISTORY_LINES).map((e) => ({
        when: utcMinute(e.at),
        who: e.actor.name,
        internal: e.visibility === 'internal',
        what: e.type.replace(/-/g, ' '),
        text: e.text ? e.text.slice(0, HISTORY_TEXT) : undefined,
      })),
    };
  };

  return async (
    actor: Actor,
    command: AnsweredCommand,
    form: CommandForm,
  ): Promise<SupportAnswer> => {
    if (command.kind === 'list') return list(actor, command.request);
    if (command.kind === 'show') return show(actor, command.caseNumber);
    if ((command.kind === 'away' || command.kind === 'back') && deps.setAvailability) {
      const set = await deps.setAvailability(setAvailabilityInput(actor, command, deps.timeZone));
      return set.ok
        ? { kind: 'status-set', text: statusSetText(set.value) }
        : { kind: 'refused', failure: set };
    }
    if (command.kind === 'rota' && deps.showRota) return rotaBoard(deps.showRota, actor);
    return { kind: 'help', lines: helpFor(form, audienceOf(actor)) };
  };
};

/**
 * Where a command's answer is read. Slack's answers are ephemeral (`private`); a Teams
 * reply is seen by everyone in the conversation.
 */
export type AnswerPlace =
  | { readonly kind: 'private' }
  /** A queue's triage channel: agents only. */
  | { readonly kind: 'staff' }
  /** A place of one customer organization (its support channel, its own tenant). */
  | { readonly kind: 'organization'; readonly organizationId: string }
  | { readonly kind: 'shared' };

/**
 * Lists, case details and KB answers (which may hold internal articles for an agent) go
 * only where everyone present may see them; help goes anywhere.
 */
export const mayAnswerHere = (
  actor: Actor,
  command: Pick<SupportCommand, 'kind'>,
  place: AnswerPlace,
) => {
  if (command.kind === 'help' || place.kind === 'private') return true;
  // A sign-in link opens the desk to whoever holds it: never where others read along.
  if (command.kind === 'desk') return false;
  if (actor.kind === 'staff') return place.kind === 'staff';
  return (
    actor.kind === 'customer' &&
    place.kind === 'organization' &&
    place.organizationId === actor.organizationId
  );
};

/**
 * `away`, `back` and `rota` typed in a customer's conversation are words to the customer ("back
 * with an answer"), not commands: they are commands only alone with the bot or among agents.
 * So are `report` and `desk`, which are for the desk's leads.
 */
const STAFF_WORDS: ReadonlySet<SupportCommand['kind']> = new Set([
  'away',
  'back',
  'rota',
  'report',
  'desk',
]);
export const isCommandHere = (command: Pick<SupportCommand, 'kind'>, place: AnswerPlace) =>
  !STAFF_WORDS.has(command.kind) || place.kind === 'private' || place.kind === 'staff';

export const ASK_PRIVATELY =
  'Lists, case details and knowledge-base answers are shown only where everyone present may see them: ask me in a personal chat.';

export type AnswerSupportCommand = ReturnType<typeof makeAnswerSupportCommand>;
