import type { Logger } from 'pino';
import type { Notification, Notifier } from '../ports/notifier.js';

/**
 * The notifier until chat adapters are configured: it writes what would be posted, one
 * log line per outbox entry. Customer-bound lines carry only the customer view.
 */
export const createLoggingNotifier = (log: Logger): Notifier => ({
  async deliver(notification: Notification) {
    log.info(
      {
        entryId: notification.entry.id,
        topic: notification.entry.topic,
        audience: notification.audience,
        case: notification.case.number,
        status: notification.case.status,
        event: notification.event?.type,
        text: notification.event?.text,
      },
      `notify ${notification.audience}: ${notification.entry.topic} ${notification.case.number}`,
    );
  },
});
