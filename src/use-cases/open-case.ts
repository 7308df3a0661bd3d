import { z } from 'zod';
import { KEPT_TEXT_MAX } from '../domain/case/attachments.js';
import { buildNewCase, contractFlags } from '../domain/case/intake.js';
import type { CaseState } from '../domain/case/types.js';
import { withKbMatches } from '../domain/kb/matches.js';
import { supportKeySchema } from '../domain/directory.js';
import { PRIORITIES, type Priority } from '../domain/priority.js';
import { ok, type Result } from '../domain/result.js';
import { routeCase } from '../domain/routing.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import type { AssignAtIntake } from './auto-assign.js';
import type { FindKbMatches } from './find-kb-matches.js';
import { actorSchema } from './shared/commands.js';
import { invalid, type CaseDeps } from './shared/case-action.js';
import { resolveIntake } from './shared/intake-context.js';

// People reach these limits from forms: the words are ours, never the validator's.
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max.toLocaleString('en')} characters.`)
    .optional()
    .transform((v) => v || undefined);

export const openCaseCommand = z.object({
  actor: actorSchema,
  /** Required when staff open a case on behalf of a contact who phoned or emailed. */
  contactId: z.string().min(1).optional(),
  /** Makes intake idempotent: a retried chat event or double submit returns the same case. */
  intakeKey: z.string().trim().min(1).max(200).optional(),
  title: z
    .string()
    .trim()
    .min(1, 'A case needs a title.')
    .max(200, 'Keep the title under 200 characters.'),
  /** Kept whole however long a chat message is; the case's field holds its start. */
  description: z
    .string()
    .trim()
    .max(KEPT_TEXT_MAX, 'This text is too long for a case; please send it as a file.')
    .default(''),
  impact: optionalText(2000, 'impact'),
  expectation: optionalText(2000, 'expectation'),
  priority: z.enum(PRIORITIES, 'Pick one of the priorities offered.').optional(),
  productKey: optionalText(64, 'product'),
  productVersion: optionalText(64, 'version'),
  module: optionalText(128, 'module'),
  supportKey: supportKeySchema.optional(),
  installationId: z.string().min(1).optional(),
  origin: z
    .object({
      channel: z.enum(['slack', 'teams', 'phone', 'email', 'cli', 'api']),
      address: z.string().optional(),
      messageId: z.string().optional(),
      workspace: z.string().optional(),
    })
    .default({ channel: 'api' }),
  /** The case this request was split from, or follows up after it closed. */
  relatedTo: z
    .object({ number: z.string().min(1), why: z.enum(['separate', 'follow-up']) })
    .optional(),
});
export type OpenCaseCommand = z.input<typeof openCaseCommand>;

export interface OpenCaseDeps extends CaseDeps {
  readonly directory: DirectoryRepository;
  readonly caseNumber: { readonly prefix: string; readonly start: number };
  readonly defaultPriority: Priority;
  /** Queue keys in the order their routing rules are tried (config order first). */
  readonly routingOrder?: readonly string[];
  /** What the knowledge base finds for the new case (absent: nothing is looked up). */
  readonly findKbMatches?: FindKbMatches;
  /** The queue's assignment strategy, run once the case is written (absent: manual). */
  readonly assignAtIntake?: AssignAtIntake;
}

export interface OpenedCase {
  readonly case: CaseState;
  /** False when the intake key matched a case opened before (a retry). */
  readonly created: boolean;
}

/**
 * Registers a request: who asked (contact → organization), what it is about (installation
 * or support key → contract and SLA policy), where it goes (routing), its number, and
 * what the knowledge base finds for it.
 */
export const makeOpenCase =
  (deps: OpenCaseDeps) =>
  async (input: unknown): Promise<Result<OpenedCase>> => {
    const parsed = openCaseCommand.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const command = parsed.data;
    // The key is reserved before the case exists, so a retry after a crash in between
    // creates the case under the same id instead of a second one.
    const fresh = deps.newId();
    const id = command.intakeKey
      ? await deps.cases.claimIntakeKey(command.intakeKey, fresh)
      : fresh;
    if (id !== fresh) {
      const existing = await deps.cases.findById(id);
      if (existing) return ok({ case: existing, created: false });
    }
    const now = deps.clock.now();
    const context = await resolveIntake(deps, command, now);
    if (!context.ok) return context;
    const { contact, organization, installation, contract, queues, supportKeyKnown } =
      context.value;
    const priority = command.priority ?? deps.defaultPriority;
    const routing = routeCase(queues, {
      organizationKey: organization.key,
      priority,
      text: `${command.title}\n${command.description}`,
      ...((command.productKey ?? installation?.productKey)
        ? { productKey: command.productKey ?? installation?.productKey }
        : {}),
      ...(command.module ? { module: command.module } : {}),
    });
    const productKey = command.productKey ?? installation?.productKey;
    // The owner is chosen while the counter gives the number: a round-robin turn costs
    // no extra wait.
    const assigning = deps.assignAtIntake?.({
      statusCategory: 'new',
      queueKey: routing.queueKey,
      productKey,
      module: command.module,
    });
    assigning?.catch(() => undefined); // awaited below; this only keeps a failure handled
    const seq = await deps.cases.nextSeq(deps.caseNumber.start);
    const today = now.toISOString().slice(0, 10);
    const ctx = { now, newId: deps.newId };
    const built = buildNewCase(
      deps.workflow,
      {
        ...command,
        id,
        seq,
        number: `${deps.caseNumber.prefix}-${seq}`,
        intakeKey: command.intakeKey ?? `case:${id}`,
        contact: { id: contact.id, name: contact.name },
        organization: { id: organization.id, key: organization.key },
        priority,
        ...(installation ? { installation } : {}),
        ...(contract ? { contract } : {}),
        flags: contractFlags({
          supportKeyGiven: Boolean(command.supportKey),
          supportKeyKnown,
          contract,
          today,
        }),
        queueKey: routing.queueKey,
        routingReason: routing.reason,
      },
      ctx,
    );
    // Written with the case: its first cards, their KB matches and the suggestions to the
    // requester go out from the outbox of this one insert.
    const matched = deps.findKbMatches
      ? withKbMatches(built, await deps.findKbMatches(built), ctx)
      : built;
    const state = assigning ? (await assigning)(matched) : matched;
    const inserted = await deps.cases.insert(state);
    return inserted.inserted
      ? ok({ case: state, created: true })
      : ok({ case: inserted.existing, created: false });
  };
