/**
 * SLA times in Teams, per reader: Teams reports each user's time zone with their activities
 * (the `clientInfo` entity, `localTimezone`). The customer's promise is written in the
 * requester's zone (from Teams, else the directory); the agent card in the channel has many
 * readers and uses the SLA calendar's zone; a card only one agent sees (their user-specific
 * refresh, an action's answer) uses that agent's zone.
 */
import { formatInZone } from '../../src/domain/sla/index.js';
import { cardAction, messageActivity } from '../support/teams/activities.js';
import {
  DESK_CHANNEL,
  eventually,
  TEAMS_AGENT,
  TEAMS_CUSTOMER,
  useTeamsE2E,
} from '../support/teams/e2e.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';

const e2e = useTeamsE2E();
const LIAM = { id: '29:liam-byrne', name: 'Liam Byrne' } as const;

/** Teams' own shape: the sender's zone rides on every activity. */
const inZone = <T extends object>(activity: T, timeZone: string): T => ({
  ...activity,
  entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', timezone: timeZone }],
  localTimezone: timeZone,
});

/** A card as text, markdown escapes taken out. */
const textOf = (value: unknown) => JSON.stringify(value).replaceAll('\\\\', '');

const slaOf = async (caseId: string) => {
  const state = await e2e.app.core.cases.findById(caseId);
  const sla = e2e.app.core.sla!.describe(state!);
  const due = sla.clocks.find((c) => c.state === 'running' && c.due)?.due;
  if (!sla.nextPromise || !due) throw new Error('the example case should have running clocks');
  return { sla, promise: sla.nextPromise.at, due };
};

const openFrom = async (
  from: { id: string; name: string },
  chatId: string,
  text: string,
  timeZone?: string,
) => {
  const conversation = { id: chatId, conversationType: 'personal' as const };
  const message = messageActivity(e2e.connector.url, { from, conversation, text });
  await e2e.post(timeZone ? inZone(message, timeZone) : message);
  const stored = await eventually(() =>
    e2e.app.core.cases.findByIntakeKey(`teams:${chatId}:${message.id}`),
  );
  const byNumber = (conversationId: string) => (c: ConnectorCall) =>
    c.method === 'POST' &&
    c.status === 200 &&
    c.conversationId === conversationId &&
    JSON.stringify(c.body).includes(stored.number);
  const customerCard = await e2e.connector.waitFor(byNumber(chatId));
  const agentCard = await e2e.connector.waitFor(byNumber(DESK_CHANNEL));
  return { conversation, stored, customerCard, agentCard };
};

beforeAll(() => {
  e2e.connector.addMember(LIAM.id, { email: 'liam.byrne@harborfoods.example', name: LIAM.name });
});

describe('Teams: SLA times in the reader’s zone', () => {
  it('the customer’s promise is in the zone their Teams reports; the channel card uses the SLA calendar’s', async () => {
    const opened = await openFrom(
      TEAMS_CUSTOMER,
      'a:grace-sla',
      'Stock counts do not sync to head office',
      'America/Chicago',
    );
    const { sla, promise, due } = await slaOf(opened.stored.id);
    expect(sla.timeZone).not.toBe('America/Chicago');
    const customer = textOf(opened.customerCard.body);
    expect(customer).toContain(formatInZone(promise, 'America/Chicago'));
    const agent = textOf(opened.agentCard.body);
    expect(agent).toContain(formatInZone(due, sla.timeZone));
    expect(agent).not.toContain(formatInZone(due, 'America/Chicago'));
    // The card names the policy whose clocks it shows: the contract's.
    expect(agent).toContain(`{"title":"SLA","value":"${sla.policy}"}`);
    expect(sla.policy).toBe('silver-business-hours');
  });

  it('without a zone from Teams, the customer’s promise uses the zone on file for the contact', async () => {
    const opened = await openFrom(LIAM, 'a:liam-sla', 'Loyalty cards are not recognised');
    const { promise } = await slaOf(opened.stored.id);
    expect(textOf(opened.customerCard.body)).toContain(formatInZone(promise, 'Europe/London'));
  });

  it('an agent’s own view of the card (refresh, an action’s answer) is in the agent’s zone', async () => {
    const opened = await openFrom(TEAMS_CUSTOMER, 'a:grace-sla-2', 'Gift receipts print twice');
    const { due } = await slaOf(opened.stored.id);
    const desk = { id: DESK_CHANNEL, conversationType: 'channel' as const };
    const refreshed = await e2e.post(
      inZone(
        cardAction(e2e.connector.url, {
          from: TEAMS_AGENT,
          conversation: desk,
          verb: 'refresh',
          data: { caseId: opened.stored.id, card: 'staff' },
          replyToId: opened.agentCard.postedId!,
        }),
        'Asia/Tokyo',
      ),
    );
    expect(textOf(refreshed.body!.value)).toContain(formatInZone(due, 'Asia/Tokyo'));
    // The zone is remembered: a later press without it still answers in Tokyo time.
    const pressed = await e2e.post(
      cardAction(e2e.connector.url, {
        from: TEAMS_AGENT,
        conversation: desk,
        verb: 'priority',
        data: { caseId: opened.stored.id, priority: 'normal' },
        replyToId: opened.agentCard.postedId!,
      }),
    );
    expect(textOf(pressed.body!.value)).toContain(formatInZone(due, 'Asia/Tokyo'));
  });
});
