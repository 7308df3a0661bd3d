/**
 * The card a customer sees in their conversation: what the case is, where it stands, who is
 * on it. It takes the customer view only, so internal notes, flags and time cannot reach it.
 */
import type { CustomerCaseView } from '../../../src/domain/case/view.js';
import { renderCustomerSentence, type Status } from '../../../src/domain/workflow/index.js';
import {
  card,
  escapeCardText,
  execute,
  refreshFor,
  showCard,
  textBlock,
  textInput,
  VERBS,
  type AdaptiveCard,
  type CardElement,
} from './card.js';
import { RESOLUTION_LABELS } from './labels.js';

export interface CustomerCardInput {
  readonly case: CustomerCaseView;
  readonly status: Pick<Status, 'category' | 'customerLabel' | 'customerSentence'>;
  /** Agents' Teams user ids: they get the agent view of this card on refresh. */
  readonly agentUserIds?: readonly string[];
  /** A line on top saying why the user sees this card again (a refused action). */
  readonly notice?: string;
  /** When the customer will hear from us (from the SLA), ready to show. */
  readonly promise?: string;
}

const customerActions = (caseId: string, category: Status['category']): CardElement[] => {
  const actions: CardElement[] = [];
  if (category !== 'closed') {
    actions.push(
      showCard(
        'Add details',
        [
          textInput('commentText', 'What else should we know?', {
            isMultiline: true,
            isRequired: true,
          }),
        ],
        [execute('Send', VERBS.comment, { caseId })],
      ),
    );
  }
  if (category === 'solved') actions.push(execute('Close my case', VERBS.closeMine, { caseId }));
  if (category === 'solved' || category === 'closed')
    actions.push(execute('Reopen', VERBS.reopen, { caseId }));
  return actions;
};

export const renderCustomerCard = (input: CustomerCardInput): AdaptiveCard => {
  const c = input.case;
  const category = input.status.category;
  const body: CardElement[] = [];
  if (input.notice) body.push(textBlock(input.notice, { color: 'Warning', weight: 'Bolder' }));
  body.push(
    textBlock(`${c.number} · ${escapeCardText(c.title, 500)}`, {
      size: 'Medium',
      weight: 'Bolder',
    }),
    textBlock(escapeCardText(input.status.customerLabel), { weight: 'Bolder' }),
    textBlock(escapeCardText(renderCustomerSentence(input.status))),
  );
  if (input.promise) body.push(textBlock(escapeCardText(input.promise), { isSubtle: true }));
  if (c.resolution && (category === 'solved' || category === 'closed')) {
    body.push(
      textBlock(`Solution (${RESOLUTION_LABELS[c.resolution.type]})`, { weight: 'Bolder' }),
      textBlock(escapeCardText(c.resolution.text, 2500)),
    );
    if (c.resolution.docLink)
      body.push(textBlock(`[Documentation](${encodeURI(c.resolution.docLink)})`));
  }
  if (c.assigneeName) body.push(textBlock(`${escapeCardText(c.assigneeName)} is on it`));
  else if (category !== 'solved' && category !== 'closed')
    body.push(textBlock('Waiting for an agent', { isSubtle: true }));
  for (const issue of c.linkedIssues)
    body.push(
      textBlock(
        `Follow the fix: [${escapeCardText(issue.title ?? issue.url, 120)}](${encodeURI(issue.url)})`,
      ),
    );
  return card(
    body,
    customerActions(c.id, category),
    refreshFor(c.id, 'customer', input.agentUserIds ?? []),
  );
};

/** The plain-text line beside the card, for notifications and screen readers. */
export const customerSummary = (input: CustomerCardInput): string =>
  `${input.case.number} ${input.case.title}: ${input.status.customerLabel}`;
