/**
 * A refused case form, told where the person acted: the modal turns into the explanation
 * with their text, and a copy reaches the channel they pressed the button in, so closing
 * the modal loses nothing.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import type { RefusalExplanation } from '../../../src/domain/case/refusal.js';
import { ACTIONS, VIEWS } from '../registry.js';
import { actions, button, LIMITS, plain, section, type SlackMessage } from './blocks.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { encodeMetadata, inputBlock, INPUTS, textElement } from './modal-inputs.js';

/** What the "Post as internal note" button carries back (it has no modal to read from). */
export interface KeptNote {
  readonly caseId: string;
  readonly text: string;
}

const headline = (explanation: RefusalExplanation): string =>
  `:warning: *${escapeMrkdwn(explanation.happened)}* ${escapeMrkdwn(explanation.notDone)}`;

// A code block can be copied in one go and shows the text exactly as typed. Three
// backticks inside it would end it early, so they are broken with a zero-width space.
const codeBlock = (text: string, max: number): string =>
  `\`\`\`${escapeMrkdwn(truncate(text, max)).replace(/```/g, '``\u200B`')}\`\`\``;

const keptSection = (text: string): KnownBlock =>
  section(`Your text, kept so you can copy it:\n${codeBlock(text, LIMITS.sectionText - 60)}`);

/** The button's value, when the text fits in one (Slack allows 2,000 characters). */
export const keptNoteValue = (kept: KeptNote): string | undefined => {
  const value = JSON.stringify({ caseId: kept.caseId, text: kept.text });
  return value.length <= LIMITS.buttonValue ? value : undefined;
};

/**
 * The modal after a refusal the form cannot fix. With a note on offer it is a note form
 * holding their text (submitting posts it; VIEWS.note reads it); otherwise the text is
 * shown to copy, and the only button closes.
 */
export const refusalModal = (
  explanation: RefusalExplanation,
  metadata: Readonly<Record<string, string>>,
): ModalView => {
  const kept = explanation.keptText;
  const base = {
    type: 'modal' as const,
    title: plain('Not saved', LIMITS.modalTitle),
    close: plain('Close', LIMITS.modalButton),
    private_metadata: encodeMetadata(metadata),
  };
  if (kept && explanation.offerNote)
    return {
      ...base,
      callback_id: VIEWS.note,
      submit: plain('Post as internal note', LIMITS.modalButton),
      blocks: [
        section(headline(explanation)),
        inputBlock(
          INPUTS.message,
          'Your text, kept',
          textElement({ multiline: true, initial: kept }),
          { hint: 'Post it as an internal note on the case, or copy it and close.' },
        ),
      ],
    };
  return {
    ...base,
    callback_id: VIEWS.refusal,
    blocks: [section(headline(explanation)), ...(kept ? [keptSection(kept)] : [])],
  };
};

/** The copy in the channel (or DM): what happened, their text, and the note button. */
export const refusalMessage = (explanation: RefusalExplanation, caseId: string): SlackMessage => {
  const kept = explanation.keptText;
  const value = kept && explanation.offerNote ? keptNoteValue({ caseId, text: kept }) : undefined;
  const blocks: KnownBlock[] = [section(headline(explanation))];
  if (kept) blocks.push(keptSection(kept));
  if (value)
    blocks.push(
      actions('kept_note', [
        button({ text: 'Post as internal note', actionId: ACTIONS.keptNote, value }),
      ]),
    );
  return { text: `⚠ ${explanation.happened} ${explanation.notDone}`, blocks };
};

/** What the copy says once its text was posted as a note (the button is gone with it). */
export const keptNotePosted = (caseNumber: string | undefined): SlackMessage => {
  const text = `Posted as an internal note${caseNumber ? ` on ${caseNumber}` : ''}.`;
  return { text, blocks: [section(`:white_check_mark: ${escapeMrkdwn(text)}`)] };
};
