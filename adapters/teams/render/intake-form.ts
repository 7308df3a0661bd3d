/**
 * The "new case" form: which installation (product and version), module, title,
 * description, impact, expectation and priority — the same fields as Slack's modal.
 */
import { PRIORITIES, type Priority } from '../../../src/domain/priority.js';
import { ON_BEHALF_WORDS, REACHED_BY } from '../../shared/on-behalf.js';
import {
  card,
  choices,
  escapeCardText,
  execute,
  textBlock,
  textInput,
  VERBS,
  type AdaptiveCard,
  type CardElement,
} from './card.js';

export interface IntakeFormInput {
  readonly installations: readonly { readonly value: string; readonly title: string }[];
  readonly modules: readonly string[];
  readonly priorityLabels: Readonly<Record<Priority, string>>;
  readonly defaultPriority: Priority;
  /** Set when the form comes back with a problem to fix. */
  readonly problem?: string;
  /** An agent opening a case for a customer who phoned or emailed: ask who and how. */
  readonly onBehalf?: { readonly email?: string; readonly reachedBy?: string };
}

const onBehalfInputs = (given: NonNullable<IntakeFormInput['onBehalf']>): CardElement[] => [
  textInput('contactEmail', ON_BEHALF_WORDS.contactEmail, {
    style: 'Email',
    isRequired: true,
    placeholder: ON_BEHALF_WORDS.contactHint,
    ...(given.email ? { value: given.email } : {}),
  }),
  choices(
    'reachedBy',
    ON_BEHALF_WORDS.reachedBy,
    REACHED_BY.map((r) => ({ value: r.value, title: r.label })),
    { value: given.reachedBy ?? REACHED_BY[0].value, isRequired: true },
  ),
];

export const renderIntakeForm = (input: IntakeFormInput): AdaptiveCard => {
  const body: CardElement[] = [
    textBlock(input.onBehalf ? 'Open a case for a customer' : 'Open a support case', {
      size: 'Medium',
      weight: 'Bolder',
    }),
  ];
  if (input.problem)
    body.push(textBlock(escapeCardText(input.problem), { color: 'Attention', weight: 'Bolder' }));
  if (input.onBehalf) body.push(...onBehalfInputs(input.onBehalf));
  if (input.installations.length > 0)
    body.push(choices('installationId', 'Product and version', input.installations));
  if (input.modules.length > 0)
    body.push(
      choices(
        'module',
        'Module',
        input.modules.map((m) => ({ value: m, title: m })),
      ),
    );
  body.push(
    textInput('title', 'Title', {
      isRequired: true,
      maxLength: 200,
      errorMessage: 'A case needs a title.',
    }),
    textInput('description', 'What happened?', { isMultiline: true, maxLength: 20000 }),
    textInput('impact', 'Impact (who or what is affected)', { isMultiline: true, maxLength: 2000 }),
    textInput('expectation', 'What did you expect?', { isMultiline: true, maxLength: 2000 }),
    choices(
      'priority',
      'Priority',
      PRIORITIES.map((p) => ({ value: p, title: input.priorityLabels[p] })),
      { value: input.defaultPriority },
    ),
  );
  return card(body, [execute('Open case', VERBS.openCase, {})]);
};
