import type { CaseActionId } from '../../../src/presentation/case-actions.js';

/**
 * Adaptive Card shapes (schema 1.5) and the few helpers every Teams renderer uses. Cards
 * are plain JSON; Universal Actions (`Action.Execute`) come back as `adaptiveCard/action`.
 */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: CardElement[];
  readonly actions?: CardElement[];
  readonly refresh?: { readonly action: CardElement; readonly userIds: string[] };
  readonly msteams?: { readonly width: 'Full' };
}

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The verbs our cards send back; the bot maps each to one use case. */
export const VERBS = {
  refresh: 'refresh',
  claim: 'claim',
  assign: 'assign',
  queue: 'queue',
  status: 'status',
  priority: 'priority',
  reply: 'reply',
  note: 'note',
  logTime: 'logTime',
  resolve: 'resolve',
  linkIssue: 'linkIssue',
  createTask: 'createTask',
  /** Opens the prefilled article form; `saveKbArticleSave` sends it. */
  saveKbArticle: 'saveKbArticle',
  saveKbArticleSave: 'saveKbArticleSave',
  comment: 'comment',
  closeMine: 'closeMine',
  reopen: 'reopen',
  openCase: 'openCase',
  kbSolved: 'kbSolved',
  kbNeedHelp: 'kbNeedHelp',
  /** On the answer to a customer's message (see src/presentation/conversation.ts). */
  separateRequest: 'separateRequest',
  reopenFromChat: 'reopenFromChat',
  newCaseFromChat: 'newCaseFromChat',
  /** On a refused action's card: posts the text the person wrote as an internal note. */
  keptNote: 'keptNote',
  /** The satisfaction survey's answers (data: `answer` = case and score). */
  csatAnswer: 'csatAnswer',
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];

/**
 * The verb each case card action sends. Add details keeps the verb `comment` that cards
 * already posted in conversations carry.
 */
export const CASE_VERBS: Readonly<Record<CaseActionId, Verb>> = {
  claim: VERBS.claim,
  reply: VERBS.reply,
  status: VERBS.status,
  resolve: VERBS.resolve,
  assign: VERBS.assign,
  queue: VERBS.queue,
  priority: VERBS.priority,
  note: VERBS.note,
  logTime: VERBS.logTime,
  linkIssue: VERBS.linkIssue,
  createTask: VERBS.createTask,
  saveKbArticle: VERBS.saveKbArticle,
  addDetails: VERBS.comment,
  closeMine: VERBS.closeMine,
  reopen: VERBS.reopen,
};

/** Which card a refresh should rebuild. */
export type CardKind = 'customer' | 'staff' | 'kb';

// Teams renders a markdown subset in TextBlocks: user text is escaped before it is shown.
const MARKDOWN = /[\\`*_{}[\]()#+\-.!|>~<]/g;

export const escapeCardText = (text: string, max = 2000): string => {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return cut.replace(MARKDOWN, (ch) => `\\${ch}`);
};

export const textBlock = (text: string, extra: CardElement = {}): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

export const facts = (pairs: readonly (readonly [string, string])[]): CardElement => ({
  type: 'FactSet',
  facts: pairs.map(([title, value]) => ({ title, value })),
});

export const execute = (
  title: string,
  verb: Verb,
  data: Record<string, string>,
  extra: CardElement = {},
): CardElement => ({ type: 'Action.Execute', title, verb, data, ...extra });

export const showCard = (
  title: string,
  body: CardElement[],
  actions: CardElement[],
  extra: CardElement = {},
): CardElement => ({
  type: 'Action.ShowCard',
  title,
  card: { type: 'AdaptiveCard', body, actions },
  ...extra,
});

// Renderers refuse a required input without an error message; every one gets a plain one.
const withError = (label: string, extra: CardElement): CardElement =>
  extra.isRequired && !extra.errorMessage
    ? { errorMessage: `Please fill in: ${label}`, ...extra }
    : extra;

export const choices = (
  id: string,
  label: string,
  options: readonly { readonly title: string; readonly value: string }[],
  extra: CardElement = {},
): CardElement => ({
  type: 'Input.ChoiceSet',
  id,
  label,
  choices: options.map((o) => ({ title: o.title, value: o.value })),
  ...withError(label, extra),
});

export const textInput = (id: string, label: string, extra: CardElement = {}): CardElement => ({
  type: 'Input.Text',
  id,
  label,
  ...withError(label, extra),
});

export const card = (
  body: CardElement[],
  actions: CardElement[] = [],
  refresh?: AdaptiveCard['refresh'],
): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(actions.length > 0 ? { actions } : {}),
  ...(refresh ? { refresh } : {}),
  msteams: { width: 'Full' },
});

/**
 * Asks Teams to fetch a user-specific view for the listed users (at most 60); everyone
 * else sees the card as sent. The bot decides who sees what when the refresh arrives.
 */
export const refreshFor = (
  caseId: string,
  kind: CardKind,
  userIds: readonly string[],
): AdaptiveCard['refresh'] =>
  userIds.length === 0
    ? undefined
    : {
        action: execute('Refresh', VERBS.refresh, { caseId, card: kind }),
        userIds: userIds.slice(0, 60),
      };

export const attachment = (content: AdaptiveCard) => ({
  contentType: CARD_CONTENT_TYPE,
  content,
});
