import { z } from 'zod';
import { isChitChat } from '../domain/chit-chat.js';
import { FILE_LINE_MARK, judgeFollowUp, type WordOverlap } from '../domain/case/follow-up.js';
import { customerMayReopen } from '../domain/case/status.js';
import type { Actor, CaseState } from '../domain/case/types.js';
import { ok, type Result } from '../domain/result.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { ChatLinkRepository, ThreadOwner } from '../ports/chat-links.js';
import type { Clock } from '../ports/clock.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';
import type { ChatMessageOutcome } from './chat-message-outcome.js';

export type { ChatMessageOutcome } from './chat-message-outcome.js';

export const chatMessageCommand = z.object({
  actor: actorSchema,
  channel: z.enum(['slack', 'teams']),
  /** Conversation address, e.g. `slack:C0123`. */
  address: z.string().min(1),
  messageId: z.string().min(1),
  /** The chat workspace that received the message (recorded on a new case). */
  workspace: z.string().min(1).optional(),
  /** Set when the message is a reply in a thread. */
  threadId: z.string().min(1).optional(),
  text: z.string(),
  /** Top-level messages here may open cases (a mapped support channel or a DM). */
  intakeAllowed: z.boolean(),
});
type ChatMessage = z.infer<typeof chatMessageCommand>;

type CaseResult = Result<{ case: CaseState }>;
type UseCase = (input: unknown) => Promise<CaseResult>;

export interface ReceiveChatMessageDeps {
  readonly chatLinks: ChatLinkRepository;
  readonly cases: Pick<CaseRepository, 'findById'>;
  readonly clock: Clock;
  readonly groupingWindowMs: number;
  /** `intake.reopenWithinDays`: whether a closed case's customer is offered Reopen. */
  readonly reopenWithinDays: number;
  /** How much of a message's words a case already uses (the KB's analyser). */
  readonly overlap: (caseText: string, written: string) => WordOverlap;
  readonly openCase: UseCase;
  readonly replyToCustomer: UseCase;
  readonly addInternalNote: UseCase;
  /**
   * The case a top-level message opened, by its intake key (`<address>:<messageId>`):
   * tells a redelivered opening message from a new one, and finds the thread under a
   * customer's own request before its card (whose post records the thread) has gone out.
   */
  readonly caseOfIntake?: (intakeKey: string) => Promise<{ readonly id: string } | undefined>;
}

const ignored = (reason: string) => ok<ChatMessageOutcome>({ outcome: 'ignored', reason });

/** The history line this message became (found by its chat identity). */
const eventOf = (state: CaseState, sourceId: string): string =>
  state.events.find((e) => e.data?.sourceId === sourceId)?.id ?? '';

/** Whether this message's comment reopened the case (the reopen is written right after it). */
const reopenedBy = (state: CaseState, sourceId: string): boolean => {
  const at = state.events.findIndex((e) => e.data?.sourceId === sourceId);
  return at >= 0 && state.events[at + 1]?.type === 'reopened';
};

/** What a new message is compared with: the request and what the customer added since. */
const caseText = (state: CaseState): string =>
  [
    state.title,
    state.description,
    ...state.events.map((e) => (e.type === 'commented' ? e.text : '')),
  ]
    .filter(Boolean)
    .join('\n');

const brief = (state: CaseState) => ({
  caseId: state.id,
  number: state.number,
  title: state.title,
});

/**
 * A customer replying in the thread of the message that opened their case, quicker than
 * the customer card went out: the thread belongs to that case's customer side.
 */
const threadOwner = async (
  deps: ReceiveChatMessageDeps,
  m: ChatMessage & { threadId: string },
): Promise<ThreadOwner | undefined> => {
  const found = await deps.chatLinks.findThread(m.address, m.threadId);
  if (found || m.actor.kind !== 'customer' || !deps.caseOfIntake) return found;
  const opened = await deps.caseOfIntake(`${m.address}:${m.threadId}`);
  return opened ? { caseId: opened.id, role: 'customer-card' } : undefined;
};

/** A reply in a case thread: a comment, a public reply or an internal note, by whose thread. */
const inThread = async (
  deps: ReceiveChatMessageDeps,
  m: ChatMessage & { threadId: string },
  sourceId: string,
): Promise<Result<ChatMessageOutcome>> => {
  const owner = await threadOwner(deps, m);
  if (!owner) return ignored('not a case thread');
  const command = { ref: { caseId: owner.caseId }, actor: m.actor, text: m.text, sourceId };
  if (owner.role === 'staff-card') {
    if (m.actor.kind !== 'staff') return ignored('only staff write in the internal thread');
    const noted = await deps.addInternalNote(command);
    return noted.ok ? ok({ outcome: 'noted', caseId: noted.value.case.id }) : noted;
  }
  const written = await deps.replyToCustomer(command);
  if (!written.ok) return written;
  const after = written.value.case;
  if (m.actor.kind !== 'customer') return ok({ outcome: 'replied', caseId: after.id });
  const courtesy = isChitChat(m.text);
  if (after.statusCategory === 'closed') {
    if (courtesy) return ok({ outcome: 'courtesy', on: 'closed', ...brief(after) });
    return ok({
      outcome: 'on-closed-case',
      ...brief(after),
      eventId: eventOf(after, sourceId),
      canReopen: customerMayReopen(after, deps.clock.now(), deps.reopenWithinDays),
    });
  }
  if (after.statusCategory === 'solved' && courtesy)
    return ok({ outcome: 'courtesy', on: 'solved', ...brief(after) });
  return ok({ outcome: 'commented', caseId: after.id, reopened: reopenedBy(after, sourceId) });
};

/**
 * A top-level message that may join the case its writer opened moments ago: a courtesy
 * always does (it never opens one), anything else when it plausibly continues that case.
 */
const joinRecent = async (
  deps: ReceiveChatMessageDeps,
  m: ChatMessage & { actor: Extract<Actor, { kind: 'customer' }> },
  sourceId: string,
): Promise<Result<ChatMessageOutcome> | undefined> => {
  const now = deps.clock.now();
  const { address } = m;
  const recent = await deps.chatLinks.recentIntake(
    address,
    m.actor.contactId,
    now,
    deps.groupingWindowMs,
  );
  const current = recent ? await deps.cases.findById(recent) : undefined;
  if (!current || current.statusCategory === 'closed') return undefined;
  const courtesy = isChitChat(m.text);
  if (!courtesy && !judgeFollowUp(m.text, (w) => deps.overlap(caseText(current), w)).joins)
    return undefined;
  const joined = await deps.replyToCustomer({
    ref: { caseId: current.id },
    actor: m.actor,
    text: m.text,
    sourceId,
  });
  if (!joined.ok) return joined;
  await deps.chatLinks.rememberIntake(address, m.actor.contactId, current.id, now);
  const after = joined.value.case;
  if (courtesy)
    return ok({
      outcome: 'courtesy',
      on: after.statusCategory === 'solved' ? 'solved' : 'active',
      ...brief(after),
    });
  return ok({
    outcome: 'joined',
    ...brief(after),
    eventId: eventOf(after, sourceId),
    reopened: reopenedBy(after, sourceId),
  });
};

/**
 * A message written in chat. In a case thread it is a comment, public reply or internal
 * note; at the top of a support conversation a customer's message opens a case or joins
 * the one they opened moments ago. Each outcome says what the writer should be told.
 * The chat message id makes every path idempotent.
 */
export const makeReceiveChatMessage =
  (deps: ReceiveChatMessageDeps) =>
  async (input: unknown): Promise<Result<ChatMessageOutcome>> => {
    const parsed = chatMessageCommand.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const m = parsed.data;
    const sourceId = `${m.address}:${m.messageId}`;
    if (m.threadId && m.threadId !== m.messageId)
      return inThread(deps, { ...m, threadId: m.threadId }, sourceId);
    const { actor } = m;
    if (actor.kind !== 'customer') return ignored('staff messages do not open cases');
    if (!m.intakeAllowed) return ignored('not a support conversation');
    // The message's own identity before the grouping window: a second delivery of the
    // message that opened a case is that case, not a comment on whatever is recent now.
    const own = await deps.caseOfIntake?.(sourceId);
    if (own) return ok({ outcome: 'opened', caseId: own.id });
    const joined = await joinRecent(deps, { ...m, actor }, sourceId);
    if (joined) return joined;
    if (isChitChat(m.text)) return ok({ outcome: 'courtesy', on: 'none' });
    const opened = await deps.openCase({
      actor,
      intakeKey: sourceId,
      title: titleOf(m.text),
      description: m.text,
      origin: {
        channel: m.channel,
        address: m.address,
        messageId: m.messageId,
        ...(m.workspace ? { workspace: m.workspace } : {}),
      },
    });
    if (!opened.ok) return opened;
    await deps.chatLinks.rememberIntake(
      m.address,
      actor.contactId,
      opened.value.case.id,
      deps.clock.now(),
    );
    return ok({ outcome: 'opened', caseId: opened.value.case.id });
  };

/** The first line, cut at a word near 120 characters: enough to recognise the case. */
export const titleOf = (text: string): string => {
  const first = text.trim().split('\n')[0]?.trim() ?? '';
  // Only a shared file: its name is the title, its link stays in the description.
  const line = first.startsWith(FILE_LINE_MARK) ? first.replace(/\s+https?:\/\/\S+$/, '') : first;
  if (line.length <= 120) return line || 'Request from chat';
  const cut = line.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 80))}…`;
};
