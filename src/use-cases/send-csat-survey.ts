import { decideSurvey, recordSurveySent, type CsatSettings } from '../domain/case/csat.js';
import type { CaseOrigin } from '../domain/case/types.js';
import { ok } from '../domain/result.js';
import { DeliveryDeferred } from '../ports/notifier.js';
import { runCaseAction, type CaseDeps } from './shared/case-action.js';

export interface SendCsatSurveyDeps extends CaseDeps {
  readonly csat: CsatSettings;
}

/** The survey a chat posts: to the requester, where they asked. */
export interface CsatSurveyTarget {
  readonly caseId: string;
  readonly number: string;
  readonly contactId: string;
  readonly origin: CaseOrigin;
  /** The outbox entry: a chat posts once per entry. */
  readonly entryId: string;
}

const SURVEY_ACTOR = { kind: 'system', name: 'Caseline survey' } as const;

/**
 * The `csat-survey` effect a close writes, run from the outbox: decides whether this case
 * is surveyed (caseline.yaml `csat`), waits out the delay (the entry comes back when it is
 * due, so a restart or another replica picks it up where it is), and records the survey
 * before the chat posts it, so a reopened and closed-again case is not asked twice.
 * Undefined: nothing to post.
 */
export const makeSendCsatSurvey =
  (deps: SendCsatSurveyDeps) =>
  async (caseId: string, entryId: string): Promise<CsatSurveyTarget | undefined> => {
    const current = await deps.cases.findById(caseId);
    if (!current) return undefined;
    const now = deps.clock.now();
    const decision = decideSurvey(deps.csat, current, entryId, now);
    if (decision.kind === 'skip') return undefined;
    if (decision.kind === 'wait') {
      throw new DeliveryDeferred(
        `survey due at ${decision.until.toISOString()}`,
        decision.until.getTime() - now.getTime(),
      );
    }
    const recorded = await runCaseAction(
      deps,
      { ref: { caseId }, actor: SURVEY_ACTOR },
      'case::view',
      (action) =>
        decideSurvey(deps.csat, action.current, entryId, action.ctx.now).kind === 'send'
          ? recordSurveySent(action, entryId)
          : ok(null),
    );
    if (!recorded.ok) throw new Error(`survey not recorded: ${recorded.message}`);
    const state = recorded.value.case;
    const sent = state.events.find((event) => event.type === 'csat-sent');
    if (sent?.data?.['entryId'] !== entryId) return undefined;
    return {
      caseId,
      number: state.number,
      contactId: state.contactId,
      origin: state.origin,
      entryId,
    };
  };
export type SendCsatSurvey = ReturnType<typeof makeSendCsatSurvey>;
