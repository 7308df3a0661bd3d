/**
 * A refused card action, told on the card the person pressed: what happened, in the same
 * words as Slack, and their text kept — in a field they can copy from, with "Post as
 * internal note" when a note is on offer.
 */
import type { RefusalExplanation } from '../../../src/domain/case/refusal.js';
import {
  card,
  escapeCardText,
  execute,
  textBlock,
  textInput,
  VERBS,
  type AdaptiveCard,
  type CardElement,
} from './card.js';

/** The notice on top of the card: what happened, then what became of the attempt. */
export const refusalNotice = (explanation: RefusalExplanation): string =>
  `⚠ ${escapeCardText(explanation.happened, 500)} ${escapeCardText(explanation.notDone, 300)}`;

const keptBlocks = (explanation: RefusalExplanation, caseId: string): CardElement[] => {
  const kept = explanation.keptText;
  if (!kept) return [];
  if (!explanation.offerNote)
    return [
      {
        type: 'Container',
        style: 'emphasis',
        items: [
          textBlock('Your text, kept so you can copy it:', { weight: 'Bolder' }),
          textBlock(escapeCardText(kept, 4000), { fontType: 'Monospace' }),
        ],
      },
    ];
  return [
    // An input, unlike a text block, holds the text exactly as typed and copies in one go.
    textInput('keptText', 'Your text, kept', { isMultiline: true, value: kept }),
    {
      type: 'ActionSet',
      actions: [execute('Post as internal note', VERBS.keptNote, { caseId })],
    },
  ];
};

/**
 * `shown` is the card as the person may see it now (undefined when the case is gone for
 * them): the notice and their text go on top of it.
 */
export const withRefusal = (
  shown: AdaptiveCard | undefined,
  notice: string,
  explanation: RefusalExplanation,
  caseId: string,
): AdaptiveCard => {
  const top = [
    textBlock(notice, { color: 'Warning', weight: 'Bolder' }),
    ...keptBlocks(explanation, caseId),
  ];
  if (!shown) return card(top);
  return { ...shown, body: [...top, ...shown.body] };
};
