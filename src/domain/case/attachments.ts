import type { CaseAttachment, Visibility } from './types.js';

/**
 * Text longer than its field is kept whole beside the case, never refused or lost: the
 * field holds the start, cut at a word, with a marker saying the rest is attached; the
 * attachment holds every character as it was written.
 */
export const DESCRIPTION_MAX = 20_000;

/**
 * The most one text may carry to be kept whole: well above Slack's 40,000 characters per
 * message and Teams' ~28 KB, with room for the lines of shared files added to it.
 */
export const KEPT_TEXT_MAX = 200_000;

export const FULL_TEXT_MARKER = '… (full text attached)';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * `text` as it fits in `max` characters: unchanged when it fits, else its start cut at the
 * last space of the final tenth (or mid-word when there is none) followed by the marker.
 */
export const fitText = (
  text: string,
  max: number,
): { readonly text: string; readonly cut: boolean } => {
  if (text.length <= max) return { text, cut: false };
  const room = max - FULL_TEXT_MARKER.length - 1;
  let end = room;
  const space = text.lastIndexOf(' ', room);
  const newline = text.lastIndexOf('\n', room);
  const wordEnd = Math.max(space, newline);
  if (wordEnd > room * 0.9) end = wordEnd;
  // Never split an emoji or other astral character into half a surrogate pair.
  else if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return { text: `${text.slice(0, end).trimEnd()} ${FULL_TEXT_MARKER}`, cut: true };
};

/**
 * The attachment that keeps `text` whole, for the event whose field holds its start. Names
 * count the case's attachments so each file of a case is told apart at a glance.
 */
export const textAttachment = (args: {
  readonly id: string;
  readonly caseNumber: string;
  readonly field: CaseAttachment['field'];
  /** How many attachments the case has before this one. */
  readonly existing: number;
  readonly text: string;
  readonly visibility: Visibility;
  readonly eventId: string;
  readonly at: Date;
}): CaseAttachment => ({
  id: args.id,
  name:
    args.field === 'description'
      ? `${args.caseNumber}-description.txt`
      : `${args.caseNumber}-message-${args.existing + 1}.txt`,
  mediaType: 'text/plain',
  text: args.text,
  visibility: args.visibility,
  eventId: args.eventId,
  field: args.field,
  createdAt: args.at,
});
