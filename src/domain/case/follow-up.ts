/**
 * Whether a customer's second top-level message continues the case they opened moments
 * ago or is a request of its own. Wrongly joined, a new problem vanishes into an old case;
 * wrongly split, one problem becomes two cases. A join is always told to the customer with
 * "This is a separate request", so when the signals are unclear the message joins, and it
 * is split only when it is clearly new.
 */

/** The mark a shared file's line starts with (`📎 name link`): a file is not words. */
export const FILE_LINE_MARK = '📎';

/** How much of a message's meaningful words the case already uses (the KB's analyser). */
export interface WordOverlap {
  /** Meaningful words (stemmed, stop words dropped) in the message. */
  readonly terms: number;
  /** How many of them the case's title, description and comments also use. */
  readonly shared: number;
}

export type FollowUpVerdict =
  | { readonly joins: true; readonly why: 'continues' | 'files' | 'short' | 'same-topic' }
  | { readonly joins: false; readonly why: 'says-new' | 'new-topic' };

// The customer says it is another matter: "another issue", "a separate question",
// "unrelated:", "different topic", "one more problem".
const SAYS_NEW =
  /\b(?:another|a second|a different|a separate|an unrelated|a new|one more|other|second|different|separate|new)\s+(?:issue|problem|question|request|bug|thing|topic|matter|ticket|case|error)s?\b|\bunrelated\b|\b(?:different|new|separate) (?:topic|subject)\b|^(?:separately|on another note|different topic|new topic)\b/i;

// The customer refers back: "it", "this", "same", "still", "also the error…", "here is the
// screenshot", "forgot to mention", "update:", "sorry, I meant".
const REFERS_BACK =
  /^(?:it|it's|its|this|that|these|those|same|still|here(?:'s| is| are)?|attached|see attached|screenshot|update|edit|correction|sorry|oops|oh|and|plus|forgot|to add|in addition|additionally|more info|more details|fyi|p\.?s\.?)\b|\b(?:the same|same (?:error|issue|problem)|as (?:above|before|mentioned)|forgot to (?:mention|say|add)|i meant|mentioned (?:above|earlier|before)|my (?:previous|last|earlier) message)\b/i;

/** What the person typed, without the lines of the files they shared. */
export const writtenPart = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.startsWith(FILE_LINE_MARK))
    .join('\n')
    .trim();

// Below this many meaningful words a message cannot stand alone as a request ("any news?",
// "urgent please", "on the invoice page"): it belongs to what came just before.
const STANDS_ALONE_TERMS = 5;
// At or above this share of its words already in the case, it is about the same thing.
const SAME_TOPIC_SHARE = 0.25;

export const judgeFollowUp = (
  text: string,
  overlap: (written: string) => WordOverlap,
): FollowUpVerdict => {
  const written = writtenPart(text);
  if (!written) return { joins: true, why: 'files' };
  if (SAYS_NEW.test(written)) return { joins: false, why: 'says-new' };
  if (REFERS_BACK.test(written)) return { joins: true, why: 'continues' };
  const { terms, shared } = overlap(written);
  if (terms < STANDS_ALONE_TERMS) return { joins: true, why: 'short' };
  return shared / terms >= SAME_TOPIC_SHARE
    ? { joins: true, why: 'same-topic' }
    : { joins: false, why: 'new-topic' };
};
