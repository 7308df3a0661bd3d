/** Readable words for the domain's stable codes, shared by every Slack renderer. */
import type { CaseFlag } from '../../../src/domain/case/types.js';
import type { Priority } from '../../../src/domain/priority.js';
import type { ResolutionType } from '../../../src/domain/resolution.js';
import type { StatusCategory } from '../../../src/domain/workflow/index.js';

export type PriorityLabels = Readonly<Record<Priority, string>>;

export const PRIORITY_LABELS: PriorityLabels = {
  urgent: 'Urgent',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

/** Emoji beside a case in lists, so urgent work stands out at a glance. */
export const PRIORITY_MARKERS: Readonly<Record<Priority, string>> = {
  urgent: ':red_circle:',
  high: ':large_orange_circle:',
  normal: ':white_circle:',
  low: ':white_circle:',
};

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

/**
 * What a customer reads when no status label is at hand (lists carry status ids only);
 * the same words as the shipped presets' customer labels.
 */
export const CATEGORY_LABELS: Readonly<Record<StatusCategory, string>> = {
  new: 'Received',
  open: 'In progress',
  'pending-customer': 'Waiting for your reply',
  'pending-internal': 'In progress',
  solved: 'Solved',
  closed: 'Closed',
};
