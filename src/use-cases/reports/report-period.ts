import { z } from 'zod';
import { fail, ok, type Result } from '../../domain/result.js';
import { invalid } from '../shared/case-action.js';
import { actorSchema } from '../shared/commands.js';

/** A report over the last `days` days, asked by someone on the desk. */
export const reportPeriodCommand = z.object({
  actor: actorSchema,
  days: z.number().int().min(1).max(365).default(30),
});
export type ReportPeriodCommand = z.infer<typeof reportPeriodCommand>;

const DAY_MS = 86_400_000;

/**
 * Parses a report command and keeps customers out: every report spans all organizations.
 * Gives the period's start as of `now`.
 */
export const parseReportCommand = (
  input: unknown,
  now: Date,
): Result<ReportPeriodCommand & { readonly since: Date }> => {
  const command = reportPeriodCommand.safeParse(input);
  if (!command.success) return invalid(command.error);
  if (command.data.actor.kind === 'customer')
    return fail('not-allowed', 'Reports are for the support team.');
  return ok({ ...command.data, since: new Date(now.getTime() - command.data.days * DAY_MS) });
};
