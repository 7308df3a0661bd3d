import { z } from 'zod';
import { isChitChat } from '../domain/chit-chat.js';
import { ok, type Result } from '../domain/result.js';
import type { ChatLinkRepository, ThreadOwner } from '../ports/chat-links.js';
import type { Clock } from '../ports/clock.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

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

export type ChatMessageOutcome =
  | { readonly outcome: 'opened' | 'commented' | 'replied' | 'noted'; readonly caseId: string }
  | { readonly outcome: 'ignored'; readonly reason: string };

type UseCase = (input: unknown) => Promise<Result<{ case: { id: string } }>>;

export interface ReceiveChatMessageDeps {
  readonly chatLinks: ChatLinkRepository;
  readonly clock: Clock;
  readonly groupingWindowMs: number;
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

const done = (
  outcome: 'opened' | 'commented' | 'replied' | 'noted',
  result: Result<{ case: { id: string } }>,
) => (result.ok ? ok<ChatMessageOutcome>({ outcome, caseId: result.value.case.id }) : result);

const ignored = (reason: string) => ok<ChatMessageOutcome>({ outcome: 'ignored', reason });

/**
 * A customer replying in the thread of the message that opened their case, quicker than
 * the customer card went out: the thread belongs to that case's customer side.
 */
const threadOfOwnRequest = async (
  deps: ReceiveChatMessageDeps,
  actorKind: string,
  intakeKey: string,
): Promise<ThreadOwner | undefined> => {
  if (actorKind !== 'customer' || !deps.caseOfIntake) return undefined;
  const opened = await deps.caseOfIntake(intakeKey);
  return opened ? { caseId: opened.id, role: 'customer-card' } : undefined;
};

/**
 * A message written in chat: a reply in a case thread becomes a comment, public reply or
 * internal note (by whose thread it is); a customer's top-level message opens a case or
 * joins the one they opened moments ago. The chat message id makes every path idempotent.
 */
export const makeReceiveChatMessage =
  (deps: ReceiveChatMessageDeps) =>
  async (input: unknown): Promise<Result<ChatMessageOutcome>> => {
    const parsed = chatMessageCommand.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const m = parsed.data;
    const sourceId = `${m.address}:${m.messageId}`;
    if (m.threadId && m.threadId !== m.messageId) {
      const owner =
        (await deps.chatLinks.findThread(m.address, m.threadId)) ??
        (await threadOfOwnRequest(deps, m.actor.kind, `${m.address}:${m.threadId}`));
      if (!owner) return ignored('not a case thread');
      const ref = { caseId: owner.caseId };
      if (owner.role === 'staff-card') {
        if (m.actor.kind !== 'staff') return ignored('only staff write in the internal thread');
        return done(
          'noted',
          await deps.addInternalNote({ ref, actor: m.actor, text: m.text, sourceId }),
        );
      }
      const kind = m.actor.kind === 'customer' ? 'commented' : 'replied';
      return done(
        kind,
        await deps.replyToCustomer({ ref, actor: m.actor, text: m.text, sourceId }),
      );
    }
    if (m.actor.kind !== 'customer') return ignored('staff messages do not open cases');
    if (!m.intakeAllowed) return ignored('not a support conversation');
    // The message's own identity before the grouping window: a second delivery of the
    // message that opened a case is that case, not a comment on whatever is recent now.
    const own = await deps.caseOfIntake?.(sourceId);
    if (own) return ok<ChatMessageOutcome>({ outcome: 'opened', caseId: own.id });
    const now = deps.clock.now();
    const recent = await deps.chatLinks.recentIntake(
      m.address,
      m.actor.contactId,
      now,
      deps.groupingWindowMs,
    );
    if (recent) {
      const joined = await deps.replyToCustomer({
        ref: { caseId: recent },
        actor: m.actor,
        text: m.text,
        sourceId,
      });
      if (joined.ok) await deps.chatLinks.rememberIntake(m.address, m.actor.contactId, recent, now);
      return done('commented', joined);
    }
    if (isChitChat(m.text)) return ignored('courtesy message');
    const opened = await deps.openCase({
      actor: m.actor,
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
    if (opened.ok)
      await deps.chatLinks.rememberIntake(m.address, m.actor.contactId, opened.value.case.id, now);
    return done('opened', opened);
  };

/** The first line, cut at a word near 120 characters: enough to recognise the case. */
export const titleOf = (text: string): string => {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  if (line.length <= 120) return line || 'Request from chat';
  const cut = line.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 80))}…`;
};
