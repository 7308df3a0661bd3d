/**
 * The support commands both chats understand, in one grammar: Slack's `/support list mine`
 * and a Teams message `list mine` are the same command. A command comes in one of two
 * forms: after a slash command (the whole text is meant as a command, so an unknown word
 * gets an answer) or as a plain message (it is a command only when every word of it is
 * understood; anything else is someone asking for help and goes on as a message).
 */
import { STATUS_CATEGORIES, type StatusCategory, type Workflow } from '../domain/workflow/index.js';

export type CommandForm = 'slash' | 'message';

/** The reports a lead can call up in chat (`report sla`), as cards with the key figures. */
export const REPORT_KINDS = ['sla', 'backlog', 'csat', 'workload'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** `list` and its words: which cases, narrowed how. */
export interface ListRequest {
  /** Staff: assigned to them. Customers: the cases they raised. */
  readonly mine: boolean;
  /** Solved and closed cases too (the default is the cases still being worked on). */
  readonly all: boolean;
  readonly status?: string;
  readonly category?: StatusCategory;
  /** Staff only: a customer's list is always their own organization's. */
  readonly queueKey?: string;
  readonly organizationKey?: string;
  /** Words that are none of the above, answered with the valid statuses. */
  readonly unknown: readonly string[];
}

export type SupportCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'new'; readonly forEmail?: string }
  | { readonly kind: 'list'; readonly request: ListRequest }
  | { readonly kind: 'show'; readonly caseNumber: string }
  | { readonly kind: 'kb'; readonly question: string }
  /** `until`: the words after `until`, read as a date by the use case. */
  | { readonly kind: 'away'; readonly until?: string }
  | { readonly kind: 'back' }
  | { readonly kind: 'rota' }
  /**
   * `report [sla|backlog|csat|workload] [--days N]`: `unknown` holds words that are none of
   * these (answered with the valid ones); without a kind it is the SLA report.
   */
  | {
      readonly kind: 'report';
      readonly report: ReportKind;
      readonly days?: number;
      readonly unknown: readonly string[];
    }
  /** A one-time sign-in link to the desk page, for the asker only. */
  | { readonly kind: 'desk' };

export type CommandKind = SupportCommand['kind'];

/** One line of help, as typed in each form; `undefined`: not offered in that form. */
export interface CommandEntry {
  readonly kind: CommandKind;
  readonly slash?: string;
  /** `title` is what Teams' command menu inserts (the manifest's), `usage` the help line. */
  readonly message?: {
    readonly title: string;
    readonly usage: string;
    /** false: answered, but left out of Teams' command menu (it holds ten, all taken). */
    readonly inMenu?: false;
  };
  /** Teams' command menu holds 128 characters: keep it that short. */
  readonly description: string;
  readonly audience: 'everyone' | 'staff';
}

export const SUPPORT_COMMANDS: readonly CommandEntry[] = [
  {
    kind: 'help',
    message: { title: 'help', usage: 'help' },
    description: 'What you can type here. Any other message asks for help: it opens a case.',
    audience: 'everyone',
  },
  {
    kind: 'new',
    slash: 'new',
    message: { title: 'new case', usage: 'new case' },
    description:
      'Open a form for a new case: product, version, module, description, impact and priority.',
    audience: 'everyone',
  },
  {
    kind: 'new',
    message: { title: 'new case for', usage: 'new case for EMAIL' },
    description:
      'Agents: open a case for a customer who phoned or emailed, e.g. new case for name@customer.example.',
    audience: 'staff',
  },
  {
    kind: 'list',
    slash: 'list [status] [mine | all | queue NAME | org NAME]',
    message: { title: 'list', usage: 'list [mine | all | STATUS]' },
    description:
      'Cases still being worked on, urgent first; add mine, all or a status (list solved).',
    audience: 'everyone',
  },
  {
    kind: 'list',
    message: { title: 'my cases', usage: 'my cases' },
    description: 'The cases you raised, or as an agent the cases assigned to you.',
    audience: 'everyone',
  },
  {
    kind: 'show',
    slash: 'show CASE-1042',
    message: { title: 'show', usage: 'show CASE-1042' },
    description: 'One case and its history, e.g. show CASE-1042.',
    audience: 'everyone',
  },
  {
    kind: 'kb',
    slash: 'kb QUESTION',
    message: { title: 'kb', usage: 'kb QUESTION' },
    description: 'Knowledge-base articles that may answer a question.',
    audience: 'everyone',
  },
  {
    kind: 'away',
    slash: 'away [until DATE]',
    message: { title: 'away', usage: 'away [until DATE]' },
    description:
      'Agents: take no new cases or SLA reminders, for now or until a date (away until 2026-12-24).',
    audience: 'staff',
  },
  {
    kind: 'back',
    slash: 'back',
    message: { title: 'back', usage: 'back' },
    description: 'Agents: take cases and SLA reminders again.',
    audience: 'staff',
  },
  {
    kind: 'rota',
    slash: 'rota',
    message: { title: 'rota', usage: 'rota' },
    description: "Agents: who is on duty in each queue's support rota now, and the next turns.",
    audience: 'staff',
  },
  {
    kind: 'report',
    slash: 'report [sla | backlog | csat | workload] [--days N]',
    message: {
      title: 'report',
      usage: 'report [sla | backlog | csat | workload] [--days N]',
      inMenu: false,
    },
    description:
      'Leads and admins: a report card, e.g. report csat --days 7 (SLA and CSAT cover the last 30 days by default).',
    audience: 'staff',
  },
  {
    kind: 'desk',
    slash: 'desk',
    message: { title: 'desk', usage: 'desk', inMenu: false },
    description:
      'Leads and admins: a one-time link to the desk page (case lists and histories), valid for 10 minutes.',
    audience: 'staff',
  },
];

const CASE_NUMBER = /^[a-z]+-\d+$/i;
const EMAIL = /^\S+@\S+$/;

const words = (text: string): string[] => text.trim().split(/\s+/).filter(Boolean);

const isCategory = (word: string): word is StatusCategory =>
  (STATUS_CATEGORIES as readonly string[]).includes(word);

/** `mine`, `all`, a status id or category, `queue NAME`, `org NAME`, in any order. */
export const parseListWords = (list: readonly string[], workflow: Workflow): ListRequest => {
  let request: { -readonly [K in keyof ListRequest]: ListRequest[K] } = {
    mine: false,
    all: false,
    unknown: [],
  };
  const unknown: string[] = [];
  for (let i = 0; i < list.length; i += 1) {
    const word = list[i]!.toLowerCase();
    const next = list[i + 1];
    if (word === 'mine') request.mine = true;
    else if (word === 'all') request.all = true;
    else if (workflow.statuses.some((s) => s.id === word)) request.status = word;
    else if (isCategory(word)) request.category = word;
    else if (word === 'queue' && next) request = { ...request, queueKey: list[(i += 1)]! };
    else if (word === 'org' && next) request = { ...request, organizationKey: list[(i += 1)]! };
    else unknown.push(list[i]!);
  }
  return { ...request, unknown };
};

/**
 * `away`, `away until DATE`; typed after the slash command `away DATE` is read the same.
 * As a message only the exact forms are commands ("away from my desk" is someone talking).
 */
const awayCommand = (
  rest: readonly string[],
  form: CommandForm,
): Extract<SupportCommand, { kind: 'away' }> | undefined => {
  if (rest.length === 0) return { kind: 'away' };
  const hasUntil = rest[0]!.toLowerCase() === 'until';
  if (!hasUntil && form === 'message') return undefined;
  return { kind: 'away', until: rest.slice(hasUntil ? 1 : 0).join(' ') };
};

const DAYS = /^[-–—]{1,2}days$/i;

/**
 * `sla`, `backlog`, `csat`, `workload` and `--days N` in any order. Chat clients turn a
 * typed `--` into a dash, so `—days` is read as `--days` too.
 */
export const parseReportWords = (
  list: readonly string[],
): Extract<SupportCommand, { kind: 'report' }> => {
  let report: ReportKind | undefined;
  let days: number | undefined;
  const unknown: string[] = [];
  for (let i = 0; i < list.length; i += 1) {
    const word = list[i]!;
    const lower = word.toLowerCase();
    const next = list[i + 1];
    if (!report && (REPORT_KINDS as readonly string[]).includes(lower))
      report = lower as ReportKind;
    else if (DAYS.test(word) && next && /^\d{1,3}$/.test(next) && days === undefined) {
      days = Number(next);
      i += 1;
    } else unknown.push(word);
  }
  return {
    kind: 'report',
    report: report ?? 'sla',
    ...(days !== undefined ? { days } : {}),
    unknown,
  };
};

const slashCommand = (all: readonly string[], workflow: Workflow): SupportCommand => {
  const [sub = 'help', ...rest] = all;
  switch (sub.toLowerCase()) {
    case 'new':
      return { kind: 'new' };
    case 'list':
      return { kind: 'list', request: parseListWords(rest, workflow) };
    case 'show':
      return { kind: 'show', caseNumber: (rest[0] ?? '').toUpperCase() };
    case 'kb':
      return { kind: 'kb', question: rest.join(' ') };
    case 'away':
      return awayCommand(rest, 'slash') ?? { kind: 'help' };
    case 'back':
      return rest.length === 0 ? { kind: 'back' } : { kind: 'help' };
    case 'rota':
      return rest.length === 0 ? { kind: 'rota' } : { kind: 'help' };
    case 'report':
      return parseReportWords(rest);
    case 'desk':
      return rest.length === 0 ? { kind: 'desk' } : { kind: 'help' };
    default:
      return { kind: 'help' };
  }
};

const messageCommand = (all: readonly string[], workflow: Workflow): SupportCommand | undefined => {
  const lower = all.map((w) => w.toLowerCase());
  const [first, second, third, ...more] = lower;
  if (lower.length === 1 && (first === 'help' || first === '?')) return { kind: 'help' };
  if (first === 'new' && second === 'case') {
    if (lower.length === 2) return { kind: 'new' };
    if (third === 'for' && more.length === 1 && EMAIL.test(all[3]!))
      return { kind: 'new', forEmail: all[3]! };
    return undefined;
  }
  if (lower.length === 2 && first === 'my' && second === 'cases')
    return { kind: 'list', request: { mine: true, all: false, unknown: [] } };
  if (lower.length === 2 && first === 'show' && CASE_NUMBER.test(all[1]!))
    return { kind: 'show', caseNumber: all[1]!.toUpperCase() };
  // "kb" is no word of a request for help: what follows it is a question for the KB.
  if (first === 'kb' && all.length > 1) return { kind: 'kb', question: all.slice(1).join(' ') };
  if (first === 'away') return awayCommand(all.slice(1), 'message');
  if (lower.length === 1 && first === 'back') return { kind: 'back' };
  if (lower.length === 1 && first === 'rota') return { kind: 'rota' };
  if (lower.length === 1 && first === 'desk') return { kind: 'desk' };
  // "report" alone or with report words only: "report on the outage" is someone talking.
  if (first === 'report') {
    const report = parseReportWords(all.slice(1));
    return report.unknown.length === 0 ? report : undefined;
  }
  if (first === 'list') {
    const request = parseListWords(all.slice(1), workflow);
    return request.unknown.length === 0 ? { kind: 'list', request } : undefined;
  }
  return undefined;
};

/**
 * The command a text asks for. In the slash form there always is one (`help` when the
 * word is unknown); in the message form `undefined` means "not a command".
 */
export function parseSupportCommand(
  text: string,
  form: 'slash',
  workflow: Workflow,
): SupportCommand;
export function parseSupportCommand(
  text: string,
  form: CommandForm,
  workflow: Workflow,
): SupportCommand | undefined;
export function parseSupportCommand(
  text: string,
  form: CommandForm,
  workflow: Workflow,
): SupportCommand | undefined {
  const all = words(text);
  return form === 'slash' ? slashCommand(all, workflow) : messageCommand(all, workflow);
}

/** The help lines one person sees in one form: agents also get the staff-only commands. */
export const helpFor = (
  form: CommandForm,
  audience: 'customer' | 'staff',
): { readonly usage: string; readonly description: string }[] =>
  SUPPORT_COMMANDS.flatMap((entry) => {
    const usage = form === 'slash' ? entry.slash : entry.message?.usage;
    if (!usage || (entry.audience === 'staff' && audience !== 'staff')) return [];
    return [{ usage, description: entry.description }];
  });

/**
 * The one-line hint Slack shows under the slash command while it is typed (the manifest's
 * `usage_hint`), made from the same entries as the help, so the two cannot drift.
 */
export const slashUsageHint = (): string =>
  `[${[...SUPPORT_COMMANDS.flatMap((entry) => (entry.slash ? [entry.slash] : [])), 'help'].join(
    ' | ',
  )}]`;
