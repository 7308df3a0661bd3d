import { NEXT_UPDATE_PLACEHOLDER } from './types.js';
import type { Status, StatusCategory, Workflow } from './types.js';

export const statusById = (workflow: Workflow, id: string): Status | undefined =>
  workflow.statuses.find((status) => status.id === id);

export const categoryOf = (workflow: Workflow, id: string): StatusCategory | undefined =>
  statusById(workflow, id)?.category;

export const isSolved = (workflow: Workflow, id: string): boolean =>
  categoryOf(workflow, id) === 'solved';

export const isClosed = (workflow: Workflow, id: string): boolean =>
  categoryOf(workflow, id) === 'closed';

/** The SLA clock pauses in these statuses. */
export const isPendingCustomer = (workflow: Workflow, id: string): boolean =>
  categoryOf(workflow, id) === 'pending-customer';

// The placeholder with the little phrase that introduces it ("by", "until", ":"), so that
// removing both leaves a grammatical sentence: "We will respond by {nextUpdate}." → "We will respond."
const PLACEHOLDER_PHRASE =
  /\s*(?:\b(?:by|before|until|till|at|on|around|after|within|in)\s+|[:\u2013\u2014-]\s*)?\{nextUpdate\}/gi;
const SENTENCE_BOUNDARY = /(?<=[.!?])\s+/;
// "Next update by {nextUpdate}." shrinks to "Next update." — a fragment with no verb that
// only made sense with the time, so a sentence this short is dropped altogether.
const MAX_FRAGMENT_WORDS = 2;

// A leading "By {nextUpdate}, we …" leaves a stray comma and a lower-case start behind.
const tidy = (sentence: string): string => {
  const trimmed = sentence
    .replace(/\s+([,;.!?])/g, '$1')
    .replace(/^[\s,;:]+/, '')
    .trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
};

const dropPlaceholder = (sentence: string): string | undefined => {
  if (!sentence.includes(NEXT_UPDATE_PLACEHOLDER)) return sentence;
  const shortened = tidy(sentence.replace(PLACEHOLDER_PHRASE, ''));
  const words = shortened
    .replace(/[.!?]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  return words.length <= MAX_FRAGMENT_WORDS ? undefined : shortened;
};

/**
 * The sentence the customer reads for a status. With a next-update time the placeholder is
 * filled in; without one the clause that promised a time is removed, because "Next update by
 * ." or a literal "{nextUpdate}" would tell the customer nothing.
 */
export const renderCustomerSentence = (
  status: Pick<Status, 'customerSentence'>,
  nextUpdateText?: string,
): string => {
  const text = nextUpdateText?.trim();
  if (text) return status.customerSentence.split(NEXT_UPDATE_PLACEHOLDER).join(text);
  return status.customerSentence
    .split(SENTENCE_BOUNDARY)
    .map(dropPlaceholder)
    .filter((sentence): sentence is string => sentence !== undefined && sentence !== '')
    .join(' ');
};
