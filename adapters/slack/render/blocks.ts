/**
 * Small Block Kit builders that enforce Slack's documented limits in one place, so every
 * renderer stays valid however long the user's text is.
 */
import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';
import { safeCut, truncate, truncateEscaped } from './escape.js';

/** Block Kit limits, from Slack's reference pages (characters unless said otherwise). */
export const LIMITS = {
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInput: 3000,
  contextElements: 10,
  actionsElements: 25,
  blockId: 255,
  actionId: 255,
  messageBlocks: 50,
  viewBlocks: 100,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
} as const;

/** A chat message: blocks for clients, `text` for notifications and screen readers. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

export const plain = (text: string, max: number = LIMITS.sectionText): PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, max) || '—',
  emoji: true,
});

/** `escaped` must already be escaped mrkdwn (see escape.ts); this only fits it. */
export const mrkdwn = (escaped: string, max: number = LIMITS.sectionText): MrkdwnElement => ({
  type: 'mrkdwn',
  text: truncateEscaped(escaped, max) || '—',
});

export const section = (escaped: string): SectionBlock => ({
  type: 'section',
  text: mrkdwn(escaped),
});

/** Two-column fields; Slack shows at most ten. */
export const fields = (escapedFields: readonly string[]): SectionBlock => ({
  type: 'section',
  fields: escapedFields
    .slice(0, LIMITS.sectionFields)
    .map((field) => mrkdwn(field, LIMITS.sectionField)),
});

export const header = (text: string): HeaderBlock => ({
  type: 'header',
  text: plain(text, LIMITS.headerText),
});

export const context = (escapedParts: readonly string[]): ContextBlock => ({
  type: 'context',
  elements: escapedParts.slice(0, LIMITS.contextElements).map((part) => mrkdwn(part)),
});

export const divider = (): DividerBlock => ({ type: 'divider' });

export const button = (args: {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
}): Button => ({
  type: 'button',
  text: plain(args.text, LIMITS.buttonText),
  action_id: args.actionId,
  value: args.value,
  ...(args.style ? { style: args.style } : {}),
});

export const option = (text: string, value: string): PlainTextOption => ({
  text: plain(text, LIMITS.optionText),
  value,
});

/**
 * Options Slack will accept: values too long to send back are dropped (they cannot be
 * shortened without breaking what they identify), and a menu holds at most 100.
 */
export const options = (
  items: readonly { readonly text: string; readonly value: string }[],
): PlainTextOption[] =>
  items
    .filter((item) => item.value.length > 0 && item.value.length <= LIMITS.optionValue)
    .slice(0, LIMITS.selectOptions)
    .map((item) => option(item.text, item.value));

/**
 * An actions block. Slack allows 25 elements per block (the old limit was 5); our cards use
 * about a dozen, so the slice only guards against a future control pushing past the limit.
 */
export const actions = (
  blockId: string,
  elements: readonly ActionsBlockElement[],
): ActionsBlock => ({
  type: 'actions',
  block_id: blockId,
  elements: elements.slice(0, LIMITS.actionsElements),
});

/**
 * Joins whole lines while they fit in `max`, so a line holding a `<url|label>` link is never
 * cut in half; says how many were left out.
 */
export const fitLines = (lines: readonly string[], max: number = LIMITS.sectionText): string => {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const more = `_…and ${lines.length - index} more_`;
    const room = index === lines.length - 1 ? max : max - more.length - 1;
    if (length + line.length + 1 > room) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
};

// Prefer a paragraph break, then a word break, in the second half of the window.
const splitPoint = (text: string, max: number): number => {
  const window = text.slice(0, max);
  for (const separator of ['\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at >= max / 2) return at + 1;
  }
  return safeCut(text, max);
};

/**
 * Long text (a reply may hold 8000 characters) as consecutive sections of at most 3000,
 * split between words; only past `maxSections` is anything cut off.
 */
export const textSections = (escaped: string, maxSections = 5): SectionBlock[] => {
  const chunks: string[] = [];
  let rest = escaped.trim();
  while (rest.length > 0 && chunks.length < maxSections) {
    const cut =
      rest.length <= LIMITS.sectionText ? rest.length : splitPoint(rest, LIMITS.sectionText);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  const last = chunks.pop();
  if (last !== undefined)
    chunks.push(rest ? truncateEscaped(`${last} ${rest}`, LIMITS.sectionText) : last);
  return chunks.map((chunk) => section(chunk));
};
