import { isChitChat } from '../chit-chat.js';
import { fail, ok, type Result } from '../result.js';
import { findTransition, type Workflow } from '../workflow/index.js';
import { fitText, KEPT_TEXT_MAX, textAttachment } from './attachments.js';
import { ChangeBuilder, workflowRole, type ActionInput } from './change.js';
import { moveStatus } from './status.js';
import type { CaseChange, CaseEvent } from './types.js';

export const MESSAGE_MAX = 8000;

// Replies that tell the customer nothing; PRODUCT.md asks for a gentle nudge.
const VAGUE =
  /^(still )?(working on it|looking into it|checking|on it|in progress|will update( soon)?|stay tuned)[.!…]*$/i;

/** True when a public update says nothing specific; adapters show a nudge before sending. */
export const isVagueUpdate = (text: string): boolean => VAGUE.test(text.trim());

/**
 * A message that arrived from chat carries its chat id: a redelivery finds it already in
 * the history and changes nothing, and it is not posted back where it was typed.
 */
export interface MessageSource {
  readonly id: string;
}

const alreadyRecorded = (input: ActionInput, source: MessageSource | undefined): boolean =>
  source !== undefined && input.current.events.some((e) => e.data?.sourceId === source.id);

const checkText = (text: string, source: MessageSource | undefined): Result<string> => {
  const trimmed = text.trim();
  if (!trimmed) return fail('invalid-input', 'The message is empty.');
  // One written in chat already exists there: it is kept whole, never refused for its length.
  // One composed here can still be shortened by its author, so it is told the limit.
  if (trimmed.length > MESSAGE_MAX && !source)
    return fail('invalid-input', `Keep messages under ${MESSAGE_MAX} characters.`);
  if (trimmed.length > KEPT_TEXT_MAX)
    return fail('invalid-input', 'This message is too long for a case; please send it as a file.');
  return ok(trimmed);
};

interface Recorded {
  readonly builder: ChangeBuilder;
  readonly event: CaseEvent;
}

/**
 * The part every message shares: checked text, the redelivery check, and the history
 * event carrying its chat source. `null` when this message is already in the history.
 */
const recordMessage = (
  input: ActionInput,
  text: string,
  source: MessageSource | undefined,
  kind: { type: 'replied' | 'commented' | 'note'; visibility: 'public' | 'internal' },
): Result<Recorded | null> => {
  const checked = checkText(text, source);
  if (!checked.ok) return checked;
  if (alreadyRecorded(input, source)) return ok(null);
  const builder = new ChangeBuilder(input);
  const fitted = fitText(checked.value, MESSAGE_MAX);
  const attachmentId = fitted.cut ? input.ctx.newId() : undefined;
  const data = {
    ...(source ? { sourceId: source.id } : {}),
    ...(attachmentId ? { attachmentId } : {}),
  };
  const event = builder.event({
    ...kind,
    text: fitted.text,
    ...(Object.keys(data).length > 0 ? { data } : {}),
  });
  if (attachmentId) {
    builder.attach(
      textAttachment({
        id: attachmentId,
        caseNumber: input.current.number,
        field: 'message',
        existing: input.current.attachments.length,
        text: checked.value,
        visibility: kind.visibility,
        eventId: event.id,
        at: input.ctx.now,
      }),
    );
  }
  return ok({ builder, event });
};

/** An agent's public reply: the customer sees it, and the first one is the first response. */
export const replyToCustomer = (
  input: ActionInput,
  text: string,
  source?: MessageSource,
): Result<CaseChange | null> => {
  const recorded = recordMessage(input, text, source, { type: 'replied', visibility: 'public' });
  if (!recorded.ok || recorded.value === null) return recorded as Result<null>;
  const { builder, event } = recorded.value;
  if (!input.current.firstResponseAt) builder.fields({ firstResponseAt: input.ctx.now });
  if (!source) builder.notify({ topic: 'public-message', audience: 'customer', eventId: event.id });
  builder.refreshCards(true);
  return builder.build();
};

/**
 * A customer's comment. On a case waiting on them or solved, it hands the case back to
 * the team when the workflow has that edge for customers (reopenTo) — unless it is only a
 * courtesy: "thanks!" on a solved case is kept in the history and leaves it solved.
 * The customer's card is refreshed too: a comment can start the next-response clock, and
 * the customer must see the new promise.
 */
export const addCustomerComment = (
  workflow: Workflow,
  input: ActionInput,
  text: string,
  source?: MessageSource,
): Result<CaseChange | null> => {
  const recorded = recordMessage(input, text, source, { type: 'commented', visibility: 'public' });
  if (!recorded.ok || recorded.value === null) return recorded as Result<null>;
  const { builder, event } = recorded.value;
  builder.notify({ topic: 'public-message', audience: 'staff', eventId: event.id });
  builder.refreshCards(true);
  const { current } = input;
  const handsBack =
    ['pending-customer', 'solved'].includes(current.statusCategory) && !isChitChat(text);
  const edge = findTransition(workflow, current.status, workflow.reopenTo);
  if (handsBack && edge?.roles.includes(workflowRole(input.actor))) {
    const moved = moveStatus(builder, workflow, input, workflow.reopenTo);
    if (!moved.ok) return moved;
  }
  return builder.build();
};

/** Internal notes stay on the staff side: no customer notification is ever queued. */
export const addInternalNote = (
  input: ActionInput,
  text: string,
  source?: MessageSource,
): Result<CaseChange | null> => {
  const recorded = recordMessage(input, text, source, { type: 'note', visibility: 'internal' });
  if (!recorded.ok || recorded.value === null) return recorded as Result<null>;
  const { builder, event } = recorded.value;
  if (!source) builder.notify({ topic: 'internal-message', audience: 'staff', eventId: event.id });
  return builder.build();
};

export const logTime = (input: ActionInput, note?: string): Result<CaseChange | null> => {
  if (!input.minutes || input.minutes <= 0)
    return fail('invalid-input', 'Log at least one minute.');
  const builder = new ChangeBuilder(input);
  builder.event({
    type: 'time-logged',
    visibility: 'internal',
    ...(note?.trim() ? { text: note.trim() } : {}),
  });
  builder.refreshCards(false);
  return builder.build();
};
