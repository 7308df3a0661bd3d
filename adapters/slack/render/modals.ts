/**
 * Modals for opening a case and for every case action that needs more than a click. Each
 * carries `{ caseId }` in private_metadata and reads back through the INPUTS constants.
 */
import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import { RESOLUTION_TYPES } from '../../../src/domain/resolution.js';
import type {
  IntakeField,
  IntakeFieldId,
  IntakeForm,
} from '../../../src/presentation/intake-form.js';
import { VIEWS } from '../registry.js';
import { LIMITS, options, plain, section } from './blocks.js';
import { escapeMrkdwn } from './escape.js';
import { RESOLUTION_LABELS } from '../../../src/presentation/card-words.js';
import type { ActionChoice } from '../../../src/presentation/case-actions.js';
import { CITE_ARTICLE_HINT, CITE_ARTICLE_LABEL } from '../../../src/presentation/resolve-form.js';
import {
  filesInput,
  INPUT_MAX,
  inputBlock,
  INPUTS,
  minutesElement,
  minutesInput,
  modal,
  textElement,
  type InputRef,
} from './modal-inputs.js';

export { INPUTS, INPUT_MAX, type InputRef } from './modal-inputs.js';

export interface NewCaseModalInput {
  /** The form (src/presentation/intake-form.ts): its fields, words and options. */
  readonly form: IntakeForm;
  /** Let Slack load installations as the user types (OPTIONS.installation). */
  readonly useExternalSelect: boolean;
  /** Problems from an earlier submission, by block id, shown above the form. */
  readonly errors?: Readonly<Record<string, string>>;
  /** Where the request came from (channel, thread), for the submission to reply there. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** The block each of the form's fields is drawn in; a submission reads back through it. */
export const INTAKE_INPUTS: Readonly<Record<IntakeFieldId, InputRef>> = {
  contactEmail: INPUTS.contactEmail,
  reachedBy: INPUTS.reachedBy,
  installationId: INPUTS.installation,
  module: INPUTS.module,
  title: INPUTS.title,
  description: INPUTS.description,
  impact: INPUTS.impact,
  expectation: INPUTS.expectation,
  priority: INPUTS.priority,
  files: INPUTS.files,
};

const caseMetadata = (caseId: string) => ({ caseId });

type Field<K extends IntakeField['kind']> = Extract<IntakeField, { kind: K }>;

const choiceInput = (field: Field<'choice'>, external: boolean): InputBlock | undefined => {
  const ref = INTAKE_INPUTS[field.id];
  const extra = { optional: !field.required, ...(field.hint ? { hint: field.hint } : {}) };
  const placeholder = field.placeholder ? { placeholder: plain(field.placeholder) } : {};
  // A static menu holds at most 100 options; beyond that Slack asks us as the user types
  // (one letter is enough: browsing hundreds of installations unfiltered helps nobody).
  if (field.id === 'installationId' && (external || field.options.length > LIMITS.selectOptions))
    return inputBlock(
      ref,
      field.label,
      { type: 'external_select', min_query_length: 1, placeholder: plain('Search…') },
      extra,
    );
  const choices = options(field.options.map((o) => ({ text: o.label, value: o.value })));
  if (choices.length === 0) return undefined;
  const initial = choices.find((choice) => choice.value === field.value);
  return inputBlock(
    ref,
    field.label,
    {
      type: 'static_select',
      options: choices,
      ...(initial ? { initial_option: initial } : placeholder),
    },
    extra,
  );
};

const fieldInput = (field: IntakeField, external: boolean): InputBlock | undefined => {
  const ref = INTAKE_INPUTS[field.id];
  const optional = { optional: !field.required, ...(field.hint ? { hint: field.hint } : {}) };
  switch (field.kind) {
    case 'text':
      return inputBlock(
        ref,
        field.label,
        textElement({
          multiline: field.multiline,
          max: field.max,
          ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        }),
        optional,
      );
    case 'email':
      return inputBlock(
        ref,
        field.label,
        {
          type: 'email_text_input',
          placeholder: plain(field.placeholder),
          ...(field.value ? { initial_value: field.value } : {}),
        },
        optional,
      );
    case 'choice':
      return choiceInput(field, external);
    case 'files':
      return filesInput(field.label);
  }
};

const errorSection = (errors: Readonly<Record<string, string>>): KnownBlock[] => {
  const messages = Object.values(errors).filter((message) => message.trim());
  if (messages.length === 0) return [];
  const lines = messages.map((message) => `:warning: ${escapeMrkdwn(message)}`);
  return [section(['*Please check the form:*', ...lines].join('\n'))];
};

export const newCaseModal = (input: NewCaseModalInput): ModalView => {
  const { form } = input;
  const problem = form.problem ? { [INPUTS.title.block]: form.problem } : {};
  const blocks: (KnownBlock | undefined)[] = [
    ...errorSection({ ...problem, ...(input.errors ?? {}) }),
    ...form.fields.map((field) => fieldInput(field, input.useExternalSelect)),
  ];
  return modal({
    callbackId: VIEWS.newCase,
    title: 'New support case',
    submit: form.submit,
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

/** `citable`: the articles the agent may cite (the case's KB matches; none, no field). */
export const resolveModal = (caseId: string, citable: readonly ActionChoice[] = []): ModalView => {
  const types = options(RESOLUTION_TYPES.map((t) => ({ text: RESOLUTION_LABELS[t], value: t })));
  const articles = options(citable.map((a) => ({ text: a.label, value: a.value })));
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
      ...(articles.length > 0
        ? [
            inputBlock(
              INPUTS.citedArticle,
              CITE_ARTICLE_LABEL,
              { type: 'static_select', options: articles, placeholder: plain('Choose…') },
              { optional: true, hint: CITE_ARTICLE_HINT },
            ),
          ]
        : []),
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
