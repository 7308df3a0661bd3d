/**
 * The satisfaction survey as both chats show it: one question, five answers (one press
 * records one), and an optional comment field read with the press. Chat-neutral: Slack
 * draws it as blocks, Teams and the playground as an Adaptive Card.
 */
import { CSAT_SCORES, type CsatScore } from '../domain/case/csat.js';
import type { FailureCode } from '../domain/result.js';

export const CSAT_LABELS: Readonly<Record<CsatScore, string>> = {
  1: 'Very poor',
  2: 'Poor',
  3: 'Okay',
  4: 'Good',
  5: 'Great',
};

export interface CsatChoice {
  readonly score: CsatScore;
  readonly label: string;
  /** What the press carries back: the case and the score (see `parseCsatPress`). */
  readonly value: string;
}

export interface CsatSurveyView {
  readonly caseId: string;
  readonly question: string;
  readonly choices: readonly CsatChoice[];
  readonly comment: { readonly label: string; readonly placeholder: string };
}

export const csatPressValue = (caseId: string, score: CsatScore): string => `${caseId}|${score}`;

/** The case and score a press names; undefined for anything else (a forged value). */
export const parseCsatPress = (
  value: unknown,
): { caseId: string; score: CsatScore } | undefined => {
  if (typeof value !== 'string') return undefined;
  const match = /^([^|]+)\|([1-5])$/.exec(value);
  return match ? { caseId: match[1]!, score: Number(match[2]) as CsatScore } : undefined;
};

export const csatSurveyView = (target: { caseId: string; number: string }): CsatSurveyView => ({
  caseId: target.caseId,
  question: `How did we do on ${target.number}?`,
  choices: CSAT_SCORES.map((score) => ({
    score,
    label: `${score} · ${CSAT_LABELS[score]}`,
    value: csatPressValue(target.caseId, score),
  })),
  comment: { label: 'Anything to add? (optional)', placeholder: 'What went well, what did not' },
});

/** What the requester reads after pressing (it replaces the survey). */
export const csatAnswerReply = (
  outcome:
    | { readonly ok: true; readonly changed: boolean; readonly number: string; score: CsatScore }
    | { readonly ok: false; readonly code: FailureCode },
): string => {
  if (!outcome.ok) {
    return outcome.code === 'not-allowed'
      ? 'Only the person who asked can answer this survey.'
      : 'We could not record your answer; please try again.';
  }
  return outcome.changed
    ? `Thank you. You rated ${outcome.number} ${outcome.score} of 5 (${CSAT_LABELS[outcome.score]}).`
    : `We already have your answer for ${outcome.number}. Thank you.`;
};
