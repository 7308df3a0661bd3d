/**
 * Card actions → use cases. Each verb's data (the card's `data` merged with its inputs) is
 * read through zod; the use case decides whether the actor may do it. No rules here.
 */
import { z } from 'zod';
import type { TeamsDeps } from './deps.js';
import type { Actor } from '../../src/domain/case/types.js';
import { fail, type Result } from '../../src/domain/result.js';
import { VERBS, type Verb } from './render/card.js';

type Outcome = Result<unknown>;
type Run = (
  core: Pick<TeamsDeps, 'useCases'>,
  actor: Actor,
  caseId: string,
  data: Record<string, unknown>,
) => Promise<Outcome>;

const field = (data: Record<string, unknown>, key: string): string | undefined => {
  const value = data[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const minutesOf = (data: Record<string, unknown>): number | undefined => {
  const parsed = z.coerce.number().int().safeParse(field(data, 'minutes'));
  return parsed.success ? parsed.data : undefined;
};

const RUNS: Readonly<Partial<Record<Verb, Run>>> = {
  [VERBS.claim]: (core, actor, caseId) => core.useCases.claimCase({ ref: { caseId }, actor }),
  [VERBS.assign]: (core, actor, caseId, data) =>
    core.useCases.assignCase({ ref: { caseId }, actor, assigneeId: field(data, 'agentId') }),
  [VERBS.queue]: (core, actor, caseId, data) =>
    core.useCases.moveCaseToQueue({ ref: { caseId }, actor, queueKey: field(data, 'queueKey') }),
  [VERBS.status]: (core, actor, caseId, data) =>
    core.useCases.transitionCase({ ref: { caseId }, actor, to: field(data, 'to') }),
  [VERBS.priority]: (core, actor, caseId, data) =>
    core.useCases.setCasePriority({ ref: { caseId }, actor, priority: field(data, 'priority') }),
  [VERBS.reply]: (core, actor, caseId, data) =>
    core.useCases.replyToCustomer({ ref: { caseId }, actor, text: field(data, 'replyText') ?? '' }),
  [VERBS.comment]: (core, actor, caseId, data) =>
    core.useCases.replyToCustomer({
      ref: { caseId },
      actor,
      text: field(data, 'commentText') ?? '',
    }),
  [VERBS.note]: (core, actor, caseId, data) =>
    core.useCases.addInternalNote({ ref: { caseId }, actor, text: field(data, 'noteText') ?? '' }),
  [VERBS.keptNote]: (core, actor, caseId, data) =>
    core.useCases.addInternalNote({ ref: { caseId }, actor, text: field(data, 'keptText') ?? '' }),
  [VERBS.logTime]: (core, actor, caseId, data) =>
    core.useCases.logTime({
      ref: { caseId },
      actor,
      minutes: minutesOf(data),
      note: field(data, 'timeNote'),
    }),
  [VERBS.resolve]: (core, actor, caseId, data) =>
    core.useCases.resolveCase({
      ref: { caseId },
      actor,
      resolution: {
        type: field(data, 'resolutionType'),
        text: field(data, 'resolutionText') ?? '',
        docLink: field(data, 'docLink'),
        article: field(data, 'article'),
      },
    }),
  [VERBS.linkIssue]: (core, actor, caseId, data) =>
    core.useCases.linkIssue({
      ref: { caseId },
      actor,
      url: field(data, 'issueUrl') ?? '',
      title: field(data, 'issueTitle'),
    }),
  [VERBS.createTask]: (core, actor, caseId, data) =>
    core.useCases.createTask({
      ref: { caseId },
      actor,
      title: field(data, 'taskTitle') ?? '',
      handover: field(data, 'handover'),
    }),
  [VERBS.closeMine]: (core, actor, caseId) => core.useCases.closeCase({ ref: { caseId }, actor }),
  [VERBS.reopen]: (core, actor, caseId) => core.useCases.reopenCase({ ref: { caseId }, actor }),
};

export const isCaseVerb = (verb: string): verb is Verb => verb in RUNS;

/** Runs one card action as `actor`; unknown verbs and missing case ids are refused. */
export const runCardAction = (
  core: Pick<TeamsDeps, 'useCases'>,
  actor: Actor,
  verb: string,
  data: Record<string, unknown>,
): Promise<Outcome> => {
  const caseId = field(data, 'caseId');
  const run = isCaseVerb(verb) ? RUNS[verb] : undefined;
  if (!run || !caseId)
    return Promise.resolve(fail('invalid-input', 'This card action is not one we know.'));
  return run(core, actor, caseId, data);
};
