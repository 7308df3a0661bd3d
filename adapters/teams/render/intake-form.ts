/**
 * The "new case" form (src/presentation/intake-form.ts) as an Adaptive Card. Its inputs
 * are named by the form's field ids, so the submission's data reads back by the same ids.
 * A card cannot carry files: the person shares them in the chat after the case opens.
 */
import type { IntakeField, IntakeForm } from '../../../src/presentation/intake-form.js';
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

const input = (field: IntakeField): CardElement | undefined => {
  const required = field.required ? { isRequired: true } : {};
  switch (field.kind) {
    case 'text':
      return textInput(field.id, field.label, {
        ...required,
        ...(field.multiline ? { isMultiline: true } : {}),
        maxLength: field.max,
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        ...(field.missing ? { errorMessage: field.missing } : {}),
      });
    case 'email':
      return textInput(field.id, field.label, {
        ...required,
        style: 'Email',
        placeholder: field.placeholder,
        ...(field.value ? { value: field.value } : {}),
      });
    case 'choice':
      // Menus hold a few options; Teams filters a long one as the person types.
      return choices(
        field.id,
        field.label,
        field.options.map((o) => ({ value: o.value, title: o.label })),
        {
          ...required,
          ...(field.value ? { value: field.value } : {}),
          ...(field.options.length > 20 ? { style: 'filtered' } : {}),
          ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        },
      );
    case 'files':
      return undefined;
  }
};

export const renderIntakeForm = (form: IntakeForm): AdaptiveCard => {
  const body: CardElement[] = [textBlock(form.heading, { size: 'Medium', weight: 'Bolder' })];
  if (form.problem)
    body.push(textBlock(escapeCardText(form.problem), { color: 'Attention', weight: 'Bolder' }));
  for (const field of form.fields) {
    const element = input(field);
    if (element) body.push(element);
  }
  return card(body, [execute(form.submit, VERBS.openCase, {})]);
};
