import type { CaseEvent, OutboxEntry } from '../domain/case/types.js';
import type { CustomerCaseView, StaffCaseView } from '../domain/case/view.js';
import type { AlertRecipient, SlaSummary } from '../domain/sla/index.js';
import type { WeeklyDigestReport } from '../domain/digest/report.js';

/**
 * A notification carries the case as its audience may see it: a customer-bound one is
 * built from the customer view, so internal notes cannot reach a customer by accident.
 */
export type Notification =
  | {
      readonly audience: 'customer';
      readonly entry: OutboxEntry;
      readonly case: CustomerCaseView;
      readonly event?: CaseEvent;
      /** The case's clocks as of delivery, when an SLA is configured. */
      readonly sla?: SlaSummary;
    }
  | {
      readonly audience: 'staff';
      readonly entry: OutboxEntry;
      readonly case: StaffCaseView;
      readonly event?: CaseEvent;
      readonly sla?: SlaSummary;
    };

/** A message for staff that is about no single case (an expiring contract). */
export interface Announcement {
  readonly id: string;
  readonly kind: 'contract-expiring' | 'rota-turn';
  readonly text: string;
  readonly recipients: readonly AlertRecipient[];
}

/** A chart image of a digest, drawn on the server. */
export interface DigestImage {
  readonly id: string;
  readonly title: string;
  readonly alt: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A weekly digest for a leads' channel: its figures (each chat words them) and charts. */
export interface DigestPost {
  /** Idempotency key: one post per target and week. */
  readonly id: string;
  /** A chat address (`slack:C…`, `teams:19:…`): each notifier takes only its own. */
  readonly channel: string;
  readonly report: WeeklyDigestReport;
  readonly images: readonly DigestImage[];
}

/**
 * Chat-neutral delivery (Slack, Teams, a log). `entry.id` is an idempotency key: an
 * adapter that may see a retry after a crash can use it to avoid posting twice.
 */
export interface Notifier {
  deliver(notification: Notification): Promise<void>;
  /** Staff announcements; a notifier that cannot reach the recipients ignores them. */
  announce?(announcement: Announcement): Promise<void>;
  /** Posts a digest when `channel` is this chat's; resolves whether it did. */
  postDigest?(digest: DigestPost): Promise<boolean>;
}

/**
 * Thrown by a notifier when the chat platform asks to wait (Slack's `ratelimited` with
 * `Retry-After`, Bot Framework's 429): the outbox retries no sooner than that.
 */
export class DeliveryDeferred extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = 'DeliveryDeferred';
  }
}
