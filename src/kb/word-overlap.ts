import type { WordOverlap } from '../domain/case/follow-up.js';
import { analyze } from './analyze.js';

/**
 * How many of a message's meaningful words a case already uses, by the analyser the KB
 * searches with (stems, customers' filler words dropped), so "exports" meets "export".
 */
export const wordOverlap = (caseText: string, written: string): WordOverlap => {
  const known = new Set(analyze(caseText));
  const terms = [...new Set(analyze(written))];
  return { terms: terms.length, shared: terms.filter((term) => known.has(term)).length };
};
