/** Readable words for the domain's stable codes, shared by every Slack renderer. */
import type { Priority } from '../../../src/domain/priority.js';
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

export { FLAG_LABELS, RESOLUTION_LABELS } from '../../shared/words.js';
