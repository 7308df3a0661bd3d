import type { CsatScore } from '../../src/domain/case/csat.js';
import type { CaseActionId } from '../../src/presentation/case-actions.js';

/**
 * Every Slack entry point Caseline listens to, in one place: the listeners register
 * from these names, the renderers put them on buttons and modals, and a test holds
 * manifest/slack/manifest.yaml and this file to each other.
 */
export const SLASH_COMMANDS = { support: '/support' } as const;

export const SHORTCUTS = {
  /** Global shortcut "New support case". */
  newCase: 'caseline_new_case',
  /** Message shortcut "Open a case from this message". */
  caseFromMessage: 'caseline_case_from_message',
} as const;

/** Bot events the app subscribes to. */
export const BOT_EVENTS = [
  'message.channels',
  'message.groups',
  'message.im',
  'message.mpim',
  'reaction_added',
  'app_home_opened',
] as const;

/** `action_id`s of buttons and menus; each carries the case id in its `value`. */
export const ACTIONS = {
  claim: 'case_claim',
  assign: 'case_assign',
  queue: 'case_queue',
  status: 'case_status',
  priority: 'case_priority',
  reply: 'case_reply',
  note: 'case_note',
  logTime: 'case_log_time',
  resolve: 'case_resolve',
  linkIssue: 'case_link_issue',
  createTask: 'case_create_task',
  addDetails: 'case_add_details',
  /** On a refusal's copy: posts the text the person wrote as an internal note. */
  keptNote: 'case_kept_note',
  closeMine: 'case_close_mine',
  reopen: 'case_reopen',
  openCase: 'home_open_case',
  saveKbArticle: 'case_save_kb_article',
  /** The agent card's overflow menu: each option's value is a case action id. */
  more: 'case_more',
  kbSolved: 'kb_suggestion_solved',
  kbNeedHelp: 'kb_suggestion_need_help',
  /** On the answer to a customer's message (see src/presentation/conversation.ts). */
  separateRequest: 'conversation_separate_request',
  reopenFromChat: 'conversation_reopen',
  newCaseFromChat: 'conversation_new_case',
  /** The satisfaction survey's five answers (unique ids: one message holds them all). */
  csat1: 'csat_answer_1',
  csat2: 'csat_answer_2',
  csat3: 'csat_answer_3',
  csat4: 'csat_answer_4',
  csat5: 'csat_answer_5',
} as const;

/** The `action_id` of one survey answer. */
export const csatActionId = (score: CsatScore): string => ACTIONS[`csat${score}`];

/** Which `action_id` draws each case card action; the overflow sends the action id itself. */
export const SLACK_CASE_ACTIONS: Readonly<Record<CaseActionId, string>> = {
  claim: ACTIONS.claim,
  reply: ACTIONS.reply,
  status: ACTIONS.status,
  resolve: ACTIONS.resolve,
  assign: ACTIONS.assign,
  queue: ACTIONS.queue,
  priority: ACTIONS.priority,
  note: ACTIONS.note,
  logTime: ACTIONS.logTime,
  linkIssue: ACTIONS.linkIssue,
  createTask: ACTIONS.createTask,
  saveKbArticle: ACTIONS.saveKbArticle,
  addDetails: ACTIONS.addDetails,
  closeMine: ACTIONS.closeMine,
  reopen: ACTIONS.reopen,
};

/** `callback_id`s of modals. */
export const VIEWS = {
  newCase: 'view_new_case',
  reply: 'view_reply',
  note: 'view_note',
  resolve: 'view_resolve',
  logTime: 'view_log_time',
  linkIssue: 'view_link_issue',
  createTask: 'view_create_task',
  addDetails: 'view_add_details',
  saveKbArticle: 'view_save_kb_article',
  /** What a refused form turns into when it cannot help any more. */
  refusal: 'view_refusal',
} as const;

/** `action_id`s of `external_select` menus whose options Slack loads from us. */
export const OPTIONS = { installation: 'intake_installation' } as const;

/** Bot scopes OAuth installs ask for; a test holds them equal to the manifest's. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'channels:history',
  'groups:history',
  'im:history',
  'mpim:history',
  'reactions:read',
  'channels:read',
  'groups:read',
  'im:write',
  'users:read',
  'users:read.email',
  'files:read',
  'files:write',
];
