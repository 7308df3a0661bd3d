import type { AnswerCsat } from '../../src/use-cases/answer-csat.js';
import type { CsatSurveyTarget } from '../../src/use-cases/send-csat-survey.js';

/** The satisfaction survey as a chat sees it: the answer, and the surveys it posts. */
export interface ChatCsat {
  readonly answer: AnswerCsat;
  /**
   * Adds the poster of the surveys of cases opened in this chat (`origin.channel`). The
   * outbox calls it once the survey is due and recorded; throwing retries it.
   */
  onSurvey(post: (target: CsatSurveyTarget) => Promise<void>): void;
}
