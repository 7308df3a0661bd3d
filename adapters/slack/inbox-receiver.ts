import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import { InboxUnavailable, type InboundDeliveries } from '../../src/ports/inbox.js';
import { NOT_SAVED, NOT_TAKEN_IN } from '../shared/words.js';
import { slackDelivery, type SlackDelivery } from './delivery.js';

type Interaction = Extract<SlackDelivery, { kind: 'interaction' }>;

/** Tells one person something in Slack when no HTTP answer can carry it. */
export type TellPerson = (who: {
  user: string;
  channel?: string | undefined;
  team?: string | undefined;
  text: string;
}) => Promise<void>;

interface Stored {
  readonly body: ReceiverEvent['body'];
  readonly retryNum?: number | undefined;
  readonly retryReason?: string | undefined;
}

const noAck = async (): Promise<void> => undefined;

/** The answer an unsaved interaction gets in its own HTTP response, where Slack shows one. */
const notSavedAnswer = (delivery: Interaction): unknown => {
  if (delivery.answer === 'command') return { response_type: 'ephemeral', text: NOT_SAVED };
  if (delivery.answer === 'view' && delivery.firstInputBlock)
    return { response_action: 'errors', errors: { [delivery.firstInputBlock]: NOT_SAVED } };
  return undefined;
};

/**
 * Puts the inbox in front of bolt: wraps a receiver (HTTP or Socket Mode), which hands
 * each delivery to this instead of the app. An event, a press, a command or a shortcut
 * is stored, then acknowledged, then processed off the request path; a form submission
 * is stored, then processed with its real ack (its answer, field errors or none, is the
 * response). When the database cannot take the write, an event is not acknowledged
 * (Slack retries it) and an interaction tells the person.
 */
export class InboxReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    private readonly inner: Receiver,
    private readonly deps: {
      readonly inbound: InboundDeliveries;
      readonly log: Logger;
      readonly tell: TellPerson;
    },
  ) {}

  /** bolt takes `authorize` from its receiver's OAuth installer: it is the inner one's. */
  get installer(): unknown {
    return (this.inner as { installer?: unknown }).installer;
  }

  init(app: App): void {
    this.app = app;
    // Both of bolt's receivers use nothing of the app but `processEvent` (bolt 5.1).
    this.inner.init({
      processEvent: (event: ReceiverEvent) => this.deliver(event),
    } as unknown as App);
    this.deps.inbound.handle('slack', {
      process: async (entry) => {
        const stored = JSON.parse(entry.payload) as Stored;
        await this.process({ ...stored, ack: noAck });
      },
      givenUp: async (entry) => {
        const who = senderOf((JSON.parse(entry.payload) as Stored).body);
        if (who) await this.deps.tell({ ...who, text: NOT_TAKEN_IN });
      },
    });
  }

  start(...args: never[]): Promise<unknown> {
    return this.inner.start(...args);
  }

  stop(...args: never[]): Promise<unknown> {
    return this.inner.stop(...args);
  }

  private process(event: ReceiverEvent): Promise<void> {
    if (!this.app) throw new Error('the Slack receiver was not initialised');
    return this.app.processEvent(event);
  }

  private async deliver(event: ReceiverEvent): Promise<void> {
    const delivery = slackDelivery(event.body);
    if (delivery?.kind === 'passthrough') return this.process(event);
    if (!delivery) {
      this.deps.log.warn(
        { type: typeOf(event.body) },
        'slack: a delivery of no known kind was ignored',
      );
      return event.ack();
    }
    const stored: Stored = {
      body: event.body,
      retryNum: event.retryNum,
      retryReason: event.retryReason,
    };
    const payload = JSON.stringify(stored);
    const base = { key: delivery.key, source: 'slack' as const, payload, group: delivery.group };
    if (delivery.kind === 'event') {
      // Throws InboxUnavailable unacknowledged: HTTP answers 503, Socket Mode sends no ack.
      await this.deps.inbound.accept(base);
      await event.ack();
      // A redelivery also nudges a stored entry a crash left behind.
      this.deps.inbound.later(delivery.key, delivery.group);
      return;
    }
    let outcome;
    try {
      outcome = await this.deps.inbound.accept(
        {
          ...base,
          ...(delivery.repeatWindowMs ? { repeatWindowMs: delivery.repeatWindowMs } : {}),
        },
        { dropIfLate: true },
      );
    } catch (error) {
      if (!(error instanceof InboxUnavailable)) throw error;
      this.deps.log.warn({ key: delivery.key, err: error.cause }, 'slack: interaction not stored');
      return this.refuse(event, delivery);
    }
    if (outcome === 'duplicate') return event.ack(); // a double click: the first press counts
    // Only a form's answer depends on the work (its field errors); every other interaction
    // is answered empty, so it is answered now and handled off the request path.
    if (delivery.answer !== 'view') {
      await event.ack();
      this.deps.inbound.later(delivery.key, delivery.group);
      return;
    }
    await this.submitForm(event, delivery);
  }

  private async submitForm(event: ReceiverEvent, delivery: Interaction): Promise<void> {
    let acked = false;
    const ack: ReceiverEvent['ack'] = async (response) => {
      acked = true;
      await event.ack(response);
    };
    await this.deps.inbound.inline(delivery.key, async () => {
      try {
        await this.process({ ...event, ack });
        return 'done';
      } catch (error) {
        // Answered already: the person saw it taken, so it is retried from the inbox.
        if (acked) throw error;
        this.deps.log.error({ key: delivery.key, err: error }, 'slack: form submission failed');
        await this.refuse(event, delivery);
        return 'dropped';
      }
    });
  }

  private async refuse(event: ReceiverEvent, delivery: Interaction): Promise<void> {
    const answer = notSavedAnswer(delivery);
    await event.ack(answer as never);
    if (answer !== undefined || !delivery.user) return;
    await this.deps
      .tell({
        user: delivery.user,
        channel: delivery.channel,
        team: delivery.team,
        text: NOT_SAVED,
      })
      .catch((error: unknown) =>
        this.deps.log.warn({ err: error }, 'slack: could not tell the person'),
      );
  }
}

const typeOf = (body: unknown): unknown =>
  typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : typeof body;

/** Who sent a stored delivery, and where, to tell them it was given up. */
const senderOf = (body: unknown) => {
  const delivery = slackDelivery(body);
  if (delivery?.kind === 'interaction')
    return delivery.user
      ? { user: delivery.user, channel: delivery.channel, team: delivery.team }
      : undefined;
  const { event, team_id: team } = body as {
    event?: { user?: unknown; channel?: unknown };
    team_id?: string;
  };
  return typeof event?.user === 'string'
    ? {
        user: event.user,
        channel: typeof event.channel === 'string' ? event.channel : undefined,
        team,
      }
    : undefined;
};
