/**
 * The words for the domain's stable codes that the case cards show, so every chat says
 * the same thing; each renderer escapes and decorates them for its own surface.
 */
import type { CaseAttachment, CaseFlag } from '../domain/case/types.js';
import type { ResolutionType } from '../domain/resolution.js';

export const RESOLUTION_LABELS: Readonly<Record<ResolutionType, string>> = {
  fixed: 'Fixed',
  workaround: 'Workaround',
  'works-as-designed': 'Works as designed',
  'cannot-reproduce': 'Cannot reproduce',
  duplicate: 'Duplicate',
  'self-solved': 'Solved by the customer',
  'no-response': 'No response from the customer',
  other: 'Other',
};

/** Warnings for agents only: these say something about the customer's contract. */
export const FLAG_LABELS: Readonly<Record<CaseFlag, string>> = {
  'unknown-support-key': 'Unknown support key',
  'expired-contract': 'Contract expired',
  'no-contract': 'No contract',
  'unknown-contact': 'Unknown contact',
};

/** Under a text that was cut: where its whole is, so nobody takes the start for all of it. */
export const fullTextNote = (attachment: Pick<CaseAttachment, 'name' | 'text'>): string =>
  `Full text kept with the case as ${attachment.name} (${attachment.text.length.toLocaleString('en')} characters).`;
