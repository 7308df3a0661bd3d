import type { Announcement, DigestPost, Notification, Notifier } from '../ports/notifier.js';

/**
 * Hands each notification to every registered notifier (the log, Slack, Teams). Chat
 * adapters register after the core exists, because they need its use cases.
 */
export class CompositeNotifier implements Notifier {
  private readonly notifiers: Notifier[] = [];

  add(notifier: Notifier): void {
    this.notifiers.push(notifier);
  }

  async deliver(notification: Notification): Promise<void> {
    for (const notifier of this.notifiers) await notifier.deliver(notification);
  }

  async announce(announcement: Announcement): Promise<void> {
    for (const notifier of this.notifiers) await notifier.announce?.(announcement);
  }

  /** The first notifier whose chat the digest's channel is in posts it. */
  async postDigest(digest: DigestPost): Promise<boolean> {
    for (const notifier of this.notifiers) if (await notifier.postDigest?.(digest)) return true;
    return false;
  }
}
