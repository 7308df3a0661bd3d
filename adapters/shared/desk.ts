import type { AnswerDeskLink } from '../../src/presentation/desk-sign-in.js';
import type { AnswerReport } from '../../src/presentation/report-cards.js';

/**
 * What a chat gets for the desk's leads: report cards (`report sla`), and one-time links
 * to the desk page (`desk`). Both decide who may have them; a chat only renders.
 */
export interface ChatDeskReports {
  readonly answerReport: AnswerReport;
  readonly answerDeskLink: AnswerDeskLink;
}
