import { z } from 'zod';
import { fail, ok, type Result } from '../result.js';
import { ChangeBuilder, type ActionInput } from './change.js';
import type { CaseChange, CaseEvent, CaseState } from './types.js';

/** The five answers, worst to best; 4 and 5 count as satisfied. */
export const CSAT_SCORES = [1, 2, 3, 4, 5] as const;
export type CsatScore = (typeof CSAT_SCORES)[number];
export const SATISFIED_FROM: CsatScore = 4;
export const CSAT_COMMENT_MAX = 1000;

/** caseline.yaml `csat`: whether closed cases are surveyed, when, and what counts as low. */
export const csatSettingsSchema = z
  .strictObject({
    /** off: never; every: every closed case; sample: `samplePercent` of them. */
    send: z.enum(['off', 'every', 'sample']).default('off'),
    samplePercent: z.number().int().min(1).max(100).default(25),
    /** Minutes after the close; the customer has read the resolution and moved on. */
    delayMinutes: z
      .number()
      .int()
      .min(0)
      .max(14 * 24 * 60)
      .default(60),
    /** Answers at or below this are sent to the queue's lead with the comment. */
    lowScoreAtMost: z.number().int().min(1).max(4).default(2),
  })
  .default({ send: 'off', samplePercent: 25, delayMinutes: 60, lowScoreAtMost: 2 });
export type CsatSettings = z.infer<typeof csatSettingsSchema>;

// FNV-1a: spreads case ids (uuids, numbers) evenly over 0..99 without a crypto dependency.
const bucketOf = (caseId: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i += 1) {
    hash ^= caseId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100;
};

/**
 * Whether this case is in the sample. A hash of the case id, not a random draw: every
 * replica and every retry of the same delivery decides the same.
 */
export const isSampled = (settings: CsatSettings, caseId: string): boolean => {
  if (settings.send === 'off') return false;
  if (settings.send === 'every') return true;
  return bucketOf(caseId) < settings.samplePercent;
};

/** When the survey of a case closed at `closedAt` is due. */
export const surveyDueAt = (settings: CsatSettings, closedAt: Date): Date =>
  new Date(closedAt.getTime() + settings.delayMinutes * 60_000);

export const isLowScore = (settings: CsatSettings, score: number): boolean =>
  score <= settings.lowScoreAtMost;

export const csatAnswerOf = (state: Pick<CaseState, 'events'>): CaseEvent | undefined =>
  state.events.find((event) => event.type === 'csat-answered');

const surveyOf = (state: Pick<CaseState, 'events'>): CaseEvent | undefined =>
  state.events.find((event) => event.type === 'csat-sent');

// Staff who did something the customer would count as working the case.
const WORK_EVENTS = new Set<CaseEvent['type']>([
  'claimed',
  'replied',
  'resolved',
  'time-logged',
  'note',
]);

/** The agents who worked the case: the owner, then whoever replied, resolved or logged work. */
export const workedBy = (state: Pick<CaseState, 'events' | 'assigneeId' | 'assigneeName'>) => {
  const agents = new Map<string, string>();
  if (state.assigneeId) agents.set(state.assigneeId, state.assigneeName ?? state.assigneeId);
  for (const event of state.events) {
    if (event.actor.kind === 'staff' && WORK_EVENTS.has(event.type))
      agents.set(event.actor.id, event.actor.name);
  }
  return [...agents].map(([id, name]) => ({ id, name }));
};

export type SurveyDecision =
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'wait'; readonly until: Date }
  | { readonly kind: 'send' };

/**
 * What the `csat-survey` effect written at a close does now. One survey per case: a later
 * close (after a reopen) finds the first survey recorded and sends nothing. The survey
 * recorded under this same entry means a retry after a crash: send (the post is once per entry).
 */
export const decideSurvey = (
  settings: CsatSettings,
  state: Pick<CaseState, 'id' | 'statusCategory' | 'closedAt' | 'events'>,
  entryId: string,
  now: Date,
): SurveyDecision => {
  if (!isSampled(settings, state.id)) return { kind: 'skip', reason: 'not surveyed' };
  const sent = surveyOf(state);
  if (sent) {
    return sent.data?.['entryId'] === entryId
      ? { kind: 'send' }
      : { kind: 'skip', reason: 'already surveyed' };
  }
  if (csatAnswerOf(state)) return { kind: 'skip', reason: 'already answered' };
  if (state.statusCategory !== 'closed' || !state.closedAt)
    return { kind: 'skip', reason: 'no longer closed' };
  const due = surveyDueAt(settings, state.closedAt);
  return due > now ? { kind: 'wait', until: due } : { kind: 'send' };
};

/** Records that the survey goes out under this outbox entry (internal history). */
export const recordSurveySent = (
  input: ActionInput,
  entryId: string,
): Result<CaseChange | null> => {
  if (surveyOf(input.current)) return ok(null);
  const builder = new ChangeBuilder(input);
  builder.event({
    type: 'csat-sent',
    visibility: 'internal',
    text: 'Satisfaction survey sent to the requester.',
    data: { entryId },
  });
  return builder.build();
};

export interface CsatAnswer {
  readonly score: CsatScore;
  readonly comment?: string | undefined;
}

/** Who is told of a low score: the queue's lead, or its triage channel. */
export interface LeadRecipients {
  readonly agentIds: readonly string[];
  readonly channels: readonly string[];
}

/**
 * The requester's answer, once per case: a second press (or a second survey's press) is
 * no change. A low score also notifies the queue lead with the comment.
 */
export const answerCsat = (
  settings: CsatSettings,
  input: ActionInput,
  answer: CsatAnswer,
  lead: LeadRecipients,
): Result<CaseChange | null> => {
  const { actor, current } = input;
  if (actor.kind !== 'customer' || actor.contactId !== current.contactId)
    return fail('not-allowed', 'Only the person who asked can answer this survey.');
  if (csatAnswerOf(current)) return ok(null);
  // Answers are to the question we asked: a made-up press on a case never surveyed is refused.
  if (!surveyOf(current)) return fail('not-found', 'This case has no survey to answer.');
  const low = isLowScore(settings, answer.score);
  const agents = workedBy(current);
  const builder = new ChangeBuilder(input);
  const comment = answer.comment?.trim();
  const event = builder.event({
    type: 'csat-answered',
    visibility: 'internal',
    ...(comment ? { text: comment } : {}),
    data: {
      score: answer.score,
      low,
      agentIds: agents.map((a) => a.id).join(','),
      agentNames: agents.map((a) => a.name).join(', '),
      leadAgentIds: low ? lead.agentIds.join(',') : '',
      leadChannels: low ? lead.channels.join(',') : '',
    },
  });
  if (low) builder.notify({ topic: 'csat-low-score', audience: 'staff', eventId: event.id });
  return builder.build();
};
