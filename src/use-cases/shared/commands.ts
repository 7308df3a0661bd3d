import { z } from 'zod';
import type { Actor } from '../../domain/case/types.js';
import { STAFF_ROLES } from '../../domain/roles.js';

const id = z.string().trim().min(1);

export const actorSchema: z.ZodType<Actor> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('customer'),
    contactId: id,
    organizationId: id,
    name: z.string().min(1),
  }),
  z.object({
    kind: z.literal('staff'),
    agentId: id,
    role: z.enum(STAFF_ROLES),
    name: z.string().min(1),
  }),
  z.object({ kind: z.literal('system'), name: z.string().min(1) }),
]);

/** A case is named by its id or its number (`CASE-1042`, any case). */
export const caseRefSchema = z.union([
  z.object({ caseId: id }),
  z.object({
    caseNumber: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z][A-Z0-9]*-\d+$/, 'must look like CASE-1042'),
  }),
]);
export type CaseRef = z.infer<typeof caseRefSchema>;

/** Time spent may ride on any action; a working day is the sane upper bound for one entry. */
export const minutesSchema = z
  .number()
  .int()
  .min(1)
  .max(24 * 60)
  .optional();

/** The fields every case action command carries. */
export const caseActionBase = { actor: actorSchema, minutes: minutesSchema };

export const parseCommand = <T extends z.ZodType>(schema: T, input: unknown) =>
  schema.safeParse(input);

export const describeIssues = (error: z.ZodError): string =>
  error.issues
    .map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ');

// The phrase zod gives an issue on its own, to tell it from a message written for people.
const { localeError: validatorPhrase } = z.locales.en();

/** Each problem of a failed parse; `forPeople` when its message is ours, not the validator's. */
export const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => {
    const phrase = validatorPhrase(issue as Parameters<typeof validatorPhrase>[0]);
    const own = typeof phrase === 'string' ? phrase : phrase?.message;
    return { path: issue.path.join('.'), message: issue.message, forPeople: issue.message !== own };
  });
