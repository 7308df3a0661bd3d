import { fail, ok, type Result } from '../result.js';
import { ChangeBuilder, type ActionInput } from './change.js';
import type { CaseChange, CaseEvent, CaseState } from './types.js';

/** A customer's comment that can become a case of its own, with its whole text. */
export interface MovableMessage {
  readonly event: CaseEvent;
  readonly text: string;
  /** The contact who wrote it: the new case is theirs. */
  readonly authorId: string;
}

/** The comment `eventId` on `state`, if it is one a new case can be made from. */
export const movableMessage = (state: CaseState, eventId: string): Result<MovableMessage> => {
  const event = state.events.find((e) => e.id === eventId);
  if (!event || event.type !== 'commented' || event.actor.kind !== 'customer')
    return fail('not-found', `That message is not on ${state.number}.`);
  const whole = state.attachments.find((a) => a.eventId === event.id && a.field === 'message');
  return ok({ event, text: whole?.text ?? event.text ?? '', authorId: event.actor.id });
};

/** The case a message was already moved to, when a press or a retry comes again. */
export const movedTo = (state: CaseState, eventId: string): string | undefined => {
  const moved = state.events.find((e) => e.type === 'message-moved' && e.data?.eventId === eventId);
  const to = moved?.data?.toCaseId;
  return typeof to === 'string' ? to : undefined;
};

/**
 * Records on the old case where its message went. The comment stays in its history (it
 * was written there); this line says it is now handled as `to`.
 */
export const recordMessageMoved = (
  input: ActionInput,
  eventId: string,
  to: { readonly id: string; readonly number: string },
  why: 'separate' | 'follow-up',
): Result<CaseChange | null> => {
  if (movedTo(input.current, eventId)) return ok(null);
  const builder = new ChangeBuilder(input);
  builder.event({
    type: 'message-moved',
    visibility: 'public',
    text:
      why === 'separate'
        ? `Moved to ${to.number} as a separate request.`
        : `Followed up in ${to.number}.`,
    data: { eventId, toCaseId: to.id, toNumber: to.number, why },
  });
  builder.refreshCards(false);
  return builder.build();
};
