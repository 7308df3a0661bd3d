/** Readable words for the domain's stable codes, shared by the Teams renderers. */
import type { CaseFlag } from '../../../src/domain/case/types.js';
import type { ResolutionType } from '../../../src/domain/resolution.js';

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

export const FLAG_LABELS: Readonly<Record<CaseFlag, string>> = {
  'unknown-support-key': 'Unknown support key',
  'expired-contract': 'Contract expired',
  'no-contract': 'No contract',
  'unknown-contact': 'Unknown contact',
};
