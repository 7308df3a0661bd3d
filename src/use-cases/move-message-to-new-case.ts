import { z } from 'zod';
import { canSee } from '../domain/case/view.js';
import { movableMessage, movedTo, recordMessageMoved } from '../domain/case/move-message.js';
import type { CaseOrigin, CaseState } from '../domain/case/types.js';
import { fail, ok, type Result } from '../domain/result.js';
import { actorSchema } from './shared/commands.js';
import { invalid, runCaseAction, type CaseDeps } from './shared/case-action.js';
import { titleOf } from './receive-chat-message.js';

export const moveMessageCommand = z.object({
  actor: actorSchema,
  caseId: z.string().min(1),
  /** The comment's history event. */
  eventId: z.string().min(1),
  /** `separate`: "This is a separate request"; `follow-up`: written after the case closed. */
  why: z.enum(['separate', 'follow-up']),
});

type OpenCase = (input: unknown) => Promise<Result<{ case: CaseState; created: boolean }>>;

export interface MoveMessageDeps extends CaseDeps {
  readonly openCase: OpenCase;
}

export interface MovedMessage {
  readonly from: CaseState;
  readonly to: CaseState;
}

/**
 * Where the new case's card goes: under the customer's own message when it stood at the
 * top of the conversation (a message that had joined the case), else at the top of the
 * conversation the old case lives in (a reply in a closed case's thread).
 */
const originOf = (from: CaseState, sourceId: unknown, why: string): CaseOrigin => {
  const { address, channel, workspace } = from.origin;
  const base: CaseOrigin = {
    channel,
    ...(address ? { address } : {}),
    ...(workspace ? { workspace } : {}),
  };
  const prefix = `${address}:`;
  return why === 'separate' &&
    address &&
    typeof sourceId === 'string' &&
    sourceId.startsWith(prefix)
    ? { ...base, messageId: sourceId.slice(prefix.length) }
    : base;
};

/**
 * A customer's message becomes a case of its own: "This is a separate request" on a message
 * that joined a case, or "Open a new case" on one written after the case closed. Two
 * documents change, each idempotently — the new case by an intake key made of the message's
 * identity, the old one by a version-checked line that names the new case — so a retry after
 * a crash between them finishes the move, and a second press changes nothing.
 */
export const makeMoveMessageToNewCase =
  (deps: MoveMessageDeps) =>
  async (input: unknown): Promise<Result<MovedMessage>> => {
    const parsed = moveMessageCommand.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const { actor, caseId, eventId, why } = parsed.data;
    const from = await deps.cases.findById(caseId);
    if (!from || !canSee(from, actor)) return fail('not-found', 'No such case.');
    const message = movableMessage(from, eventId);
    if (!message.ok) return message;
    // Before the repeat check: a colleague pressing after the move is refused, not told
    // of a case that is not theirs as if they had opened it.
    if (actor.kind === 'customer' && actor.contactId !== message.value.authorId)
      return fail('not-allowed', 'Only the person who wrote the message can move it.');
    const done = movedTo(from, eventId);
    const earlier = done ? await deps.cases.findById(done) : undefined;
    if (earlier) return ok({ from, to: earlier });
    const opened = await deps.openCase({
      actor,
      ...(actor.kind === 'customer' ? {} : { contactId: message.value.authorId }),
      intakeKey: `moved:${from.id}:${eventId}`,
      title: titleOf(message.value.text),
      description: message.value.text,
      origin: originOf(from, message.value.event.data?.sourceId, why),
      relatedTo: { number: from.number, why },
    });
    if (!opened.ok) return opened;
    const to = opened.value.case;
    const recorded = await runCaseAction(
      deps,
      { ref: { caseId: from.id }, actor },
      'case::reply',
      (action) => recordMessageMoved(action, eventId, to, why),
    );
    return recorded.ok ? ok({ from: recorded.value.case, to }) : recorded;
  };

export type MoveMessageToNewCase = ReturnType<typeof makeMoveMessageToNewCase>;
