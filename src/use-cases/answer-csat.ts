import { z } from 'zod';
import {
  answerCsat,
  CSAT_COMMENT_MAX,
  isLowScore,
  type CsatScore,
  type CsatSettings,
  type LeadRecipients,
} from '../domain/case/csat.js';
import type { CaseState } from '../domain/case/types.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { actorSchema, caseRefSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';

export const answerCsatCommand = z.object({
  ref: caseRefSchema,
  actor: actorSchema,
  score: z
    .number()
    .int()
    .min(1)
    .max(5)
    .transform((score) => score as CsatScore),
  comment: z.string().trim().max(CSAT_COMMENT_MAX).optional(),
});

export interface AnswerCsatDeps extends CaseDeps {
  readonly csat: CsatSettings;
  readonly directory: Pick<DirectoryRepository, 'findQueueByKey' | 'findAgentByEmail'>;
}

/** The queue's lead (its `managerEmail`, if that agent is active), else its triage channel. */
const leadOf = async (deps: AnswerCsatDeps, state: CaseState): Promise<LeadRecipients> => {
  const queue = await deps.directory.findQueueByKey(state.queueKey);
  const manager = queue?.managerEmail
    ? await deps.directory.findAgentByEmail(queue.managerEmail)
    : undefined;
  if (manager?.active) return { agentIds: [manager.id], channels: [] };
  return { agentIds: [], channels: queue?.triageChannel ? [queue.triageChannel] : [] };
};

const NOBODY: LeadRecipients = { agentIds: [], channels: [] };

/**
 * The requester's answer to the survey of their case. One answer per case: a double press
 * or a press on a second survey returns `changed: false` and records nothing.
 */
export const makeAnswerCsat = (deps: AnswerCsatDeps) => async (input: unknown) => {
  const command = answerCsatCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  const { score, comment } = command.data;
  return runCaseAction(deps, command.data, 'case::view', async (action) =>
    answerCsat(
      deps.csat,
      action,
      { score, comment },
      isLowScore(deps.csat, score) ? await leadOf(deps, action.current) : NOBODY,
    ),
  );
};
export type AnswerCsat = ReturnType<typeof makeAnswerCsat>;
