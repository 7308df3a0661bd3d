/** The case a message concerns, as the writer is told about it. */
interface CaseBrief {
  readonly caseId: string;
  readonly number: string;
  readonly title: string;
}

/**
 * What became of a message written in chat, with what its writer must be told; each chat
 * renders it through `src/presentation/conversation.ts`.
 */
export type ChatMessageOutcome =
  /** A new case: its customer card is the answer. */
  | { readonly outcome: 'opened'; readonly caseId: string }
  /** In a case thread: the thread and the refreshed card show it (a reopen is announced). */
  | { readonly outcome: 'commented'; readonly caseId: string; readonly reopened: boolean }
  | { readonly outcome: 'replied' | 'noted'; readonly caseId: string }
  /** A top-level message added to the writer's recent case: "Added to CASE-1001". */
  | (CaseBrief & {
      readonly outcome: 'joined';
      readonly eventId: string;
      readonly reopened: boolean;
    })
  /**
   * A courtesy ("thanks!", "ok 👍"): kept on the case it concerns, never reopening it, or,
   * with no case, told that it opened none.
   */
  | (CaseBrief & { readonly outcome: 'courtesy'; readonly on: 'active' | 'solved' | 'closed' })
  | { readonly outcome: 'courtesy'; readonly on: 'none' }
  /** Written on a closed case: kept there, and the writer may reopen it or open a new one. */
  | (CaseBrief & {
      readonly outcome: 'on-closed-case';
      readonly eventId: string;
      readonly canReopen: boolean;
    })
  | { readonly outcome: 'ignored'; readonly reason: string };
