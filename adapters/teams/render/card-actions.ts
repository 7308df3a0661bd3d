/**
 * A case card's actions as Adaptive Card actions: a press is an `Action.Execute` with the
 * action's verb; an action that needs words or a choice opens a small form first
 * (`Action.ShowCard`). Overflow actions are `mode: "secondary"`, which Teams and Web Chat
 * put behind the card's "…" menu. Which actions there are is the view's decision.
 */
import { RESOLUTION_TYPES } from '../../../src/domain/resolution.js';
import type { CaseAction, CaseActionId } from '../../../src/presentation/case-actions.js';
import { RESOLUTION_LABELS } from '../../../src/presentation/card-words.js';
import { CITE_ARTICLE_LABEL } from '../../../src/presentation/resolve-form.js';
import { CASE_VERBS, choices, execute, showCard, textInput, type CardElement } from './card.js';

interface Form {
  readonly submit: string;
  readonly inputs: (action: CaseAction) => CardElement[];
}

const picks = (action: CaseAction) =>
  (action.choices ?? []).map((c) => ({ value: c.value, title: c.label }));

const pick = (id: string, label: string) => (action: CaseAction) => [
  choices(id, label, picks(action), {
    isRequired: true,
    ...(action.current ? { value: action.current } : {}),
  }),
];

const citeArticle = (action: CaseAction): CardElement[] =>
  action.choices && action.choices.length > 0
    ? [choices('article', `${CITE_ARTICLE_LABEL} (optional)`, picks(action))]
    : [];

const written = (id: string, label: string) => () => [
  textInput(id, label, { isMultiline: true, isRequired: true }),
];

/** The form each action opens; the rest are a single press. Input ids are unique per card. */
const FORMS: Readonly<Partial<Record<CaseActionId, Form>>> = {
  reply: { submit: 'Send reply', inputs: written('replyText', 'Reply to the customer') },
  note: { submit: 'Add note', inputs: written('noteText', 'Internal note (agents only)') },
  addDetails: { submit: 'Send', inputs: written('commentText', 'What else should we know?') },
  status: { submit: 'Change status', inputs: pick('to', 'New status') },
  assign: { submit: 'Assign', inputs: pick('agentId', 'Agent') },
  queue: { submit: 'Move', inputs: pick('queueKey', 'Queue') },
  priority: { submit: 'Set priority', inputs: pick('priority', 'Priority') },
  resolve: {
    submit: 'Resolve',
    inputs: (action) => [
      choices(
        'resolutionType',
        'Resolution',
        RESOLUTION_TYPES.map((t) => ({ value: t, title: RESOLUTION_LABELS[t] })),
        { value: 'fixed', isRequired: true },
      ),
      textInput('resolutionText', 'What solved it', { isMultiline: true, isRequired: true }),
      textInput('docLink', 'Documentation link (optional)', { style: 'Url' }),
      ...citeArticle(action),
    ],
  },
  logTime: {
    submit: 'Log time',
    inputs: () => [
      textInput('minutes', 'Minutes', { style: 'Number', isRequired: true }),
      textInput('timeNote', 'What was done (optional)'),
    ],
  },
  linkIssue: {
    submit: 'Link issue',
    inputs: () => [
      textInput('issueUrl', 'Issue URL', { style: 'Url', isRequired: true }),
      textInput('issueTitle', 'Title (optional)'),
    ],
  },
  createTask: {
    submit: 'Create task',
    inputs: () => [
      textInput('taskTitle', 'Task', { isRequired: true }),
      textInput('handover', 'Handed over to (optional)'),
    ],
  },
};

const element = (action: CaseAction, caseId: string): CardElement => {
  const mode = action.placement === 'overflow' ? { mode: 'secondary' } : {};
  const verb = CASE_VERBS[action.id];
  const form = FORMS[action.id];
  if (!form)
    return execute(
      action.label,
      verb,
      { caseId },
      {
        ...mode,
        ...(action.emphasis ? { style: 'positive' } : {}),
      },
    );
  return showCard(
    action.label,
    form.inputs(action),
    [execute(form.submit, verb, { caseId })],
    mode,
  );
};

/** Primary actions first, then the overflow, as the view orders them. */
export const caseActionElements = (actions: readonly CaseAction[], caseId: string): CardElement[] =>
  actions.map((action) => element(action, caseId));
