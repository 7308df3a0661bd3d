/**
 * The fixed `block_id` / `action_id` of every modal input, so the view_submission listener
 * reads `state.values[block][action]` from the same constants the modals are drawn with.
 */
import type { InputBlock, InputBlockElement, ModalView } from '@slack/types';
import { OPTIONS } from '../registry.js';
import { LIMITS, plain } from './blocks.js';
import { truncate } from './escape.js';

export interface InputRef {
  readonly block: string;
  readonly action: string;
}

const input = (block: string, action = 'value'): InputRef => ({ block, action });

export const INPUTS = {
  // New case
  installation: input('installation', OPTIONS.installation),
  title: input('title'),
  contactEmail: input('contact_email'),
  module: input('module'),
  reachedBy: input('reached_by'),
  description: input('description'),
  impact: input('impact'),
  expectation: input('expectation'),
  priority: input('priority'),
  files: input('files'),
  // Case actions
  message: input('message'),
  minutes: input('minutes'),
  resolutionType: input('resolution_type'),
  resolutionText: input('resolution_text'),
  docLink: input('doc_link'),
  citedArticle: input('cited_article'),
  issueUrl: input('issue_url'),
  issueTitle: input('issue_title'),
  taskTitle: input('task_title'),
  taskAssignee: input('task_assignee'),
  handover: input('handover'),
} as const satisfies Record<string, InputRef>;

/** The domain's own maxima, where they are tighter than Slack's 3000 per text input. */
export const INPUT_MAX = {
  title: 200,
  detail: 2000,
  note: 1000,
  taskTitle: 200,
  handover: 500,
  issueTitle: 200,
} as const;

export const inputBlock = (
  ref: InputRef,
  label: string,
  element: InputBlockElement,
  extra: { optional?: boolean; hint?: string } = {},
): InputBlock => ({
  type: 'input',
  block_id: ref.block,
  label: plain(label, LIMITS.inputLabel),
  element: { ...element, action_id: ref.action },
  ...(extra.optional ? { optional: true } : {}),
  ...(extra.hint ? { hint: plain(extra.hint, LIMITS.inputHint) } : {}),
});

export const textElement = (args: {
  multiline?: boolean;
  max?: number;
  placeholder?: string;
  initial?: string;
}): InputBlockElement => {
  const max = Math.min(args.max ?? LIMITS.plainTextInput, LIMITS.plainTextInput);
  return {
    type: 'plain_text_input',
    multiline: args.multiline ?? false,
    max_length: max,
    ...(args.placeholder ? { placeholder: plain(args.placeholder, LIMITS.placeholder) } : {}),
    // A draft longer than the field allows would make Slack reject the whole view.
    ...(args.initial ? { initial_value: truncate(args.initial, max) } : {}),
  };
};

/** Whole minutes, one working day at most, as the log-time command accepts. */
export const minutesElement = (): InputBlockElement => ({
  type: 'number_input',
  is_decimal_allowed: false,
  min_value: '1',
  max_value: String(24 * 60),
  placeholder: plain('e.g. 30'),
});

export const minutesInput = (optional: boolean): InputBlock =>
  inputBlock(INPUTS.minutes, 'Time spent (minutes)', minutesElement(), { optional });

/** Slack's limit is 10 files of 10 MB each; `files:read` scope is needed for this element. */
export const filesInput = (label: string): InputBlock =>
  inputBlock(INPUTS.files, label, { type: 'file_input', max_files: 10 }, { optional: true });

/** What the modal's submission needs to find its case again. */
export const encodeMetadata = (data: Readonly<Record<string, string>>): string => {
  const json = JSON.stringify(data);
  // Ids are short; exceeding Slack's limit means a caller bug, not user input to trim.
  if (json.length > LIMITS.privateMetadata) throw new Error('private_metadata exceeds 3000 chars');
  return json;
};

export const modal = (args: {
  callbackId: string;
  title: string;
  submit: string;
  metadata: Readonly<Record<string, string>>;
  blocks: ModalView['blocks'];
}): ModalView => ({
  type: 'modal',
  callback_id: args.callbackId,
  title: plain(args.title, LIMITS.modalTitle),
  submit: plain(args.submit, LIMITS.modalButton),
  close: plain('Cancel', LIMITS.modalButton),
  private_metadata: encodeMetadata(args.metadata),
  blocks: args.blocks.slice(0, LIMITS.viewBlocks),
});
