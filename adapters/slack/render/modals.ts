/**
 * Modals for opening a case and for every case action that needs more than a click. Each
 * carries `{ caseId }` in private_metadata and reads back through the INPUTS constants.
 */
import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import type { Priority } from '../../../src/domain/priority.js';
import { RESOLUTION_TYPES } from '../../../src/domain/resolution.js';
import { ON_BEHALF_WORDS, REACHED_BY } from '../../shared/on-behalf.js';
import { VIEWS } from '../registry.js';
import { LIMITS, options, plain, section } from './blocks.js';
import { escapeMrkdwn } from './escape.js';
import { RESOLUTION_LABELS } from './labels.js';
import {
  filesInput,
  INPUT_MAX,
  inputBlock,
  INPUTS,
  minutesElement,
  minutesInput,
  modal,
  textElement,
} from './modal-inputs.js';

export { INPUTS, INPUT_MAX, type InputRef } from './modal-inputs.js';

export interface NewCaseModalInput {
  readonly installations: readonly { readonly id: string; readonly label: string }[];
  /** Modules of the products the customer runs, so the case lands in the right queue. */
  readonly modules?: readonly string[];
  readonly priorities: readonly { readonly value: Priority; readonly label: string }[];
  /** Let Slack load installations as the user types (OPTIONS.installation). */
  readonly useExternalSelect: boolean;
  readonly defaultPriority?: Priority;
  /** An agent opening a case for a customer who phoned or emailed: ask who and how. */
  readonly onBehalf?: boolean;
  /** Problems from an earlier submission, by block id, shown above the form. */
  readonly errors?: Readonly<Record<string, string>>;
  /** Where the request came from (channel, thread), for the submission to reply there. */
  readonly metadata?: Readonly<Record<string, string>>;
}

const caseMetadata = (caseId: string) => ({ caseId });

const installationInput = (input: NewCaseModalInput): InputBlock | undefined => {
  const extra = { optional: true, hint: 'The product installation this is about.' };
  // A static menu holds at most 100 options; beyond that Slack asks us as the user types
  // (one letter is enough: browsing hundreds of installations unfiltered helps nobody).
  if (input.useExternalSelect || input.installations.length > LIMITS.selectOptions) {
    return inputBlock(
      INPUTS.installation,
      'Installation',
      { type: 'external_select', min_query_length: 1, placeholder: plain('Search…') },
      extra,
    );
  }
  const choices = options(input.installations.map((i) => ({ text: i.label, value: i.id })));
  if (choices.length === 0) return undefined;
  return inputBlock(
    INPUTS.installation,
    'Installation',
    { type: 'static_select', options: choices, placeholder: plain('Choose…') },
    extra,
  );
};

const priorityInput = (input: NewCaseModalInput): InputBlock | undefined => {
  const choices = options(input.priorities.map((p) => ({ text: p.label, value: p.value })));
  if (choices.length === 0) return undefined;
  const initial = choices.find((choice) => choice.value === input.defaultPriority);
  return inputBlock(INPUTS.priority, 'Priority', {
    type: 'static_select',
    options: choices,
    ...(initial ? { initial_option: initial } : {}),
  });
};

const errorSection = (errors: Readonly<Record<string, string>>): KnownBlock[] => {
  const messages = Object.values(errors).filter((message) => message.trim());
  if (messages.length === 0) return [];
  const lines = messages.map((message) => `:warning: ${escapeMrkdwn(message)}`);
  return [section(['*Please check the form:*', ...lines].join('\n'))];
};

const moduleInput = (modules: readonly string[]): InputBlock | undefined => {
  const choices = options(
    modules.slice(0, LIMITS.selectOptions).map((m) => ({ text: m, value: m })),
  );
  if (choices.length === 0) return undefined;
  return inputBlock(
    INPUTS.module,
    'Module',
    { type: 'static_select', options: choices, placeholder: plain('Choose…') },
    { optional: true },
  );
};

const onBehalfInputs = (): InputBlock[] => [
  inputBlock(INPUTS.contactEmail, ON_BEHALF_WORDS.contactEmail, {
    type: 'email_text_input',
    placeholder: plain(ON_BEHALF_WORDS.contactHint),
  }),
  inputBlock(INPUTS.reachedBy, ON_BEHALF_WORDS.reachedBy, {
    type: 'static_select',
    options: options(REACHED_BY.map((r) => ({ text: r.label, value: r.value }))),
    initial_option: { text: plain(REACHED_BY[0].label), value: REACHED_BY[0].value },
  }),
];

export const newCaseModal = (input: NewCaseModalInput): ModalView => {
  const detail = (placeholder: string) =>
    textElement({ multiline: true, max: INPUT_MAX.detail, placeholder });
  const blocks: (KnownBlock | undefined)[] = [
    ...errorSection(input.errors ?? {}),
    ...(input.onBehalf ? onBehalfInputs() : []),
    installationInput(input),
    moduleInput(input.modules ?? []),
    inputBlock(INPUTS.title, 'Title', textElement({ max: INPUT_MAX.title })),
    inputBlock(
      INPUTS.description,
      'What is the problem?',
      textElement({ multiline: true, placeholder: 'What happened, and the steps to see it' }),
    ),
    inputBlock(INPUTS.impact, 'Impact', detail('Who or what is affected, and how badly'), {
      optional: true,
    }),
    inputBlock(INPUTS.expectation, 'Expectation', detail('What should happen instead'), {
      optional: true,
    }),
    priorityInput(input),
    filesInput('Screenshots, logs or files that show the problem'),
  ];
  return modal({
    callbackId: VIEWS.newCase,
    title: 'New support case',
    submit: 'Open case',
    metadata: input.metadata ?? {},
    blocks: blocks.filter((block): block is KnownBlock => block !== undefined),
  });
};

export const replyModal = (caseId: string, draft?: string): ModalView =>
  modal({
    callbackId: VIEWS.reply,
    title: 'Reply to customer',
    submit: 'Send',
    metadata: caseMetadata(caseId),
    blocks: [
      inputBlock(
        INPUTS.message,
        'Message to the customer',
        textElement({ multiline: true, ...(draft ? { initial: draft } : {}) }),
        // PRODUCT.md: public updates must say what is being done, not just "working on it".
        { hint: 'Say what you found or did and what happens next.' },
      ),
      minutesInput(true),
    ],
  });

export const noteModal = (caseId: string): ModalView =>
  modal({
    callbackId: VIEWS.note,
    title: 'Internal note',
    submit: 'Save note',
    metadata: caseMetadata(caseId),
    blocks: [
      inputBlock(INPUTS.message, 'Note', textElement({ multiline: true }), {
        hint: 'Only the team sees this; it is never sent to the customer.',
      }),
      minutesInput(true),
    ],
  });

export const resolveModal = (caseId: string): ModalView => {
  const types = options(RESOLUTION_TYPES.map((t) => ({ text: RESOLUTION_LABELS[t], value: t })));
  return modal({
    callbackId: VIEWS.resolve,
    title: 'Resolve case',
    submit: 'Resolve',
    metadata: caseMetadata(caseId),
    blocks: [
      inputBlock(INPUTS.resolutionType, 'Resolution type', {
        type: 'static_select',
        options: types,
        placeholder: plain('Choose…'),
      }),
      inputBlock(INPUTS.resolutionText, 'Resolution', textElement({ multiline: true }), {
        hint: 'The customer receives this text.',
      }),
      inputBlock(
        INPUTS.docLink,
        'Documentation link',
        { type: 'url_text_input' },
        {
          optional: true,
          hint: 'Required for "Works as designed": link the page that describes it.',
        },
      ),
      minutesInput(true),
    ],
  });
};

export const logTimeModal = (caseId: string): ModalView =>
  modal({
    callbackId: VIEWS.logTime,
    title: 'Log time',
    submit: 'Log time',
    metadata: caseMetadata(caseId),
    blocks: [
      inputBlock(INPUTS.minutes, 'Time spent (minutes)', minutesElement()),
      inputBlock(INPUTS.message, 'What did you do?', textElement({ max: INPUT_MAX.note }), {
        optional: true,
      }),
    ],
  });

export const linkIssueModal = (caseId: string): ModalView =>
  modal({
    callbackId: VIEWS.linkIssue,
    title: 'Link development issue',
    submit: 'Link',
    metadata: caseMetadata(caseId),
    blocks: [
      inputBlock(
        INPUTS.issueUrl,
        'Issue URL',
        { type: 'url_text_input' },
        { hint: 'Jira, GitHub, Linear… The customer can follow it.' },
      ),
      inputBlock(INPUTS.issueTitle, 'Title', textElement({ max: INPUT_MAX.issueTitle }), {
        optional: true,
      }),
    ],
  });

export const createTaskModal = (caseId: string): ModalView =>
  modal({
    callbackId: VIEWS.createTask,
    title: 'Create task',
    submit: 'Create',
    metadata: caseMetadata(caseId),
    blocks: [
      inputBlock(INPUTS.taskTitle, 'Task', textElement({ max: INPUT_MAX.taskTitle })),
      inputBlock(INPUTS.taskAssignee, 'Assignee', { type: 'users_select' }, { optional: true }),
      inputBlock(INPUTS.handover, 'Handover', textElement({ max: INPUT_MAX.handover }), {
        optional: true,
        hint: 'Where the work goes: a team, a ticket URL, a colleague.',
      }),
    ],
  });

export const addDetailsModal = (caseId: string): ModalView =>
  modal({
    callbackId: VIEWS.addDetails,
    title: 'Add details',
    submit: 'Send',
    metadata: caseMetadata(caseId),
    blocks: [
      inputBlock(INPUTS.message, 'Details', textElement({ multiline: true }), {
        optional: true,
        hint: 'Anything new: steps, error messages, what changed.',
      }),
      filesInput('Files'),
    ],
  });

/** The answer to a view_submission that keeps the modal open and marks fields. */
export interface ViewErrorsResponse {
  readonly response_action: 'errors';
  readonly errors: Readonly<Record<string, string>>;
}

/** `fieldErrors` by block id (INPUTS.x.block), e.g. `{ doc_link: 'Add a link…' }`. */
export const viewErrors = (fieldErrors: Readonly<Record<string, string>>): ViewErrorsResponse => ({
  response_action: 'errors',
  errors: { ...fieldErrors },
});
