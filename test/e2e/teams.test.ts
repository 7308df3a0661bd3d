/**
 * The running app over HTTP as Teams drives it: Bot Framework activities posted to
 * /api/messages, replies and card updates caught by a loopback fake connector.
 */
import { CARD_CONTENT_TYPE } from '../../adapters/teams/render/card.js';
import { cardAction, messageActivity } from '../support/teams/activities.js';
import {
  cardOf,
  DESK_CHANNEL,
  eventually,
  TEAMS_AGENT,
  TEAMS_CUSTOMER,
  useTeamsE2E,
  verbsIn,
} from '../support/teams/e2e.js';
import { settled } from '../support/settled.js';

const e2e = useTeamsE2E();
const desk = { id: DESK_CHANNEL, conversationType: 'channel' as const };

const AGENT_VERBS = [
  'claim',
  'status',
  'assign',
  'queue',
  'priority',
  'reply',
  'note',
  'logTime',
  'resolve',
  'linkIssue',
];

describe('Teams: intake', () => {
  it('a customer message opens a case: the customer card in their chat, the agent card in the desk channel', async () => {
    const opened = await e2e.openCase('The <b>till</b> prints *blank* receipts since this morning');
    const customer = cardOf(opened.customerCard);
    const agent = cardOf(opened.agentCard);
    expect(JSON.stringify(customer)).toContain(opened.case.number);
    expect(verbsIn(customer).filter((v) => AGENT_VERBS.includes(v))).toEqual([]);
    expect(verbsIn(agent)).toEqual(
      expect.arrayContaining([
        'claim',
        'status',
        'reply',
        'note',
        'resolve',
        'assign',
        'queue',
        'priority',
        'logTime',
        'linkIssue',
      ]),
    );
    // The customer's text is escaped, not rendered as markup.
    expect(JSON.stringify(agent)).toContain('\\\\*blank\\\\*');
    expect(opened.case.origin).toMatchObject({
      channel: 'teams',
      address: `teams:${opened.conversation.id}`,
    });
  });

  it('the same activity delivered twice opens one case and posts one customer card', async () => {
    const conversation = { id: 'a:grace-redelivery', conversationType: 'personal' as const };
    const message = messageActivity(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation,
      text: 'Card payments fail at store 12',
    });
    const before = (await e2e.app.core.cases.list({ limit: 1000 })).length;
    const [first, second] = await Promise.all([e2e.post(message), e2e.post(message)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await e2e.post(message);
    await e2e.connector.waitFor((c) => c.conversationId === conversation.id && c.status === 200);
    const stored = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:${conversation.id}:${message.id}`),
    );
    // Every delivery ended: a stray second case would be there by now.
    await settled(e2e.app);
    expect((await e2e.app.core.cases.list({ limit: 1000 })).length).toBe(before + 1);
    expect(
      e2e.connector.writes(
        (c) =>
          c.conversationId === conversation.id &&
          c.method === 'POST' &&
          JSON.stringify(c.body).includes(stored.number),
      ),
    ).toHaveLength(1);
  });

  it('a stranger is told they are not on file and no case opens', async () => {
    const conversation = { id: 'a:stranger-chat', conversationType: 'personal' as const };
    const before = (await e2e.app.core.cases.list({ limit: 1000 })).length;
    await e2e.post(
      messageActivity(e2e.connector.url, {
        from: { id: '29:stranger', name: 'Who' },
        conversation,
        text: 'Help me',
      }),
    );
    const told = await e2e.connector.waitFor(
      (c) => c.conversationId === conversation.id && c.status === 200,
    );
    expect(String(told.body.text)).toContain("don't have you on file");
    expect((await e2e.app.core.cases.list({ limit: 1000 })).length).toBe(before);
  });
});

describe('Teams: card actions', () => {
  it('an agent claims: the invoke answers with the agent card and both posted cards are updated in place', async () => {
    const opened = await e2e.openCase('Receipts show the wrong store address');
    const pressed = await e2e.post(
      cardAction(e2e.connector.url, {
        from: TEAMS_AGENT,
        conversation: desk,
        verb: 'claim',
        data: { caseId: opened.case.id },
        replyToId: opened.agentCard.postedId!,
      }),
    );
    expect(pressed.status).toBe(200);
    const answer = pressed.body!;
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(verbsIn(answer.value)).not.toContain('claim');
    expect(JSON.stringify(answer.value)).toContain(TEAMS_AGENT.name);
    const customerUpdate = await e2e.connector.waitFor(
      (c) =>
        c.method === 'PUT' && c.status === 200 && c.activityId === opened.customerCard.postedId,
    );
    expect(JSON.stringify(cardOf(customerUpdate))).toContain(`${TEAMS_AGENT.name} is on it`);
    const agentUpdate = await e2e.connector.waitFor(
      (c) => c.method === 'PUT' && c.status === 200 && c.activityId === opened.agentCard.postedId,
    );
    expect(verbsIn(cardOf(agentUpdate))).not.toContain('claim');
    const stored = await e2e.app.core.cases.findById(opened.case.id);
    expect(stored?.assigneeName).toBe(TEAMS_AGENT.name);
  });

  it('a customer pressing an agent action is refused with a card that says so, and nothing changes', async () => {
    const opened = await e2e.openCase('The scanner beeps twice on every item');
    const before = await e2e.app.core.cases.findById(opened.case.id);
    const pressed = await e2e.post(
      cardAction(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation: opened.conversation,
        verb: 'claim',
        data: { caseId: opened.case.id },
      }),
    );
    expect(pressed.status).toBe(200);
    const shown = JSON.stringify(pressed.body!.value);
    expect(shown).toContain('Only agents can claim cases');
    expect(verbsIn(pressed.body!.value).filter((v) => AGENT_VERBS.includes(v))).toEqual([]);
    const after = await e2e.app.core.cases.findById(opened.case.id);
    expect(after?.version).toBe(before?.version);
    expect(after?.assigneeId).toBeUndefined();
    expect(after?.events).toHaveLength(before!.events.length);
  });

  it('the same press delivered twice claims once', async () => {
    const opened = await e2e.openCase('Printer offline after the update');
    const press = cardAction(e2e.connector.url, {
      from: TEAMS_AGENT,
      conversation: desk,
      verb: 'claim',
      data: { caseId: opened.case.id },
    });
    const answers = [await e2e.post(press), await e2e.post(press)];
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const stored = await e2e.app.core.cases.findById(opened.case.id);
    expect(stored?.events.filter((e) => e.type === 'claimed')).toHaveLength(1);
  });

  it('a double press on Send reply (two invokes of their own) sends one reply and answers both with the card', async () => {
    const opened = await e2e.openCase('Shelf labels show yesterday’s prices');
    const press = (verb: string, data: Record<string, string> = {}) =>
      e2e.post(
        cardAction(e2e.connector.url, {
          from: TEAMS_AGENT,
          conversation: desk,
          verb,
          data: { caseId: opened.case.id, ...data },
          replyToId: opened.agentCard.postedId!,
        }),
      );
    await press('claim');
    const reply = () => press('reply', { replyText: 'Reprinting the shelf labels now' });
    const answers = [await reply(), await reply()];
    expect(answers.map((a) => a.body?.type)).toEqual([CARD_CONTENT_TYPE, CARD_CONTENT_TYPE]);
    await e2e.app.core.deliverOutbox();
    const stored = await e2e.app.core.cases.findById(opened.case.id);
    expect(
      stored?.events.filter((e) => JSON.stringify(e).includes('Reprinting the shelf labels')),
    ).toHaveLength(1);
  });
});

describe('Teams: delivery', () => {
  it('the connector answers 429 once: the card is delivered exactly once', async () => {
    e2e.connector.failNext(1, 429, 0);
    const throttledBefore = e2e.connector.calls.filter((c) => c.status === 429).length;
    const opened = await e2e.openCase('Loyalty points not credited');
    expect(e2e.connector.calls.filter((c) => c.status === 429).length).toBe(throttledBefore + 1);
    const number = opened.case.number;
    await e2e.connector.waitFor(
      (c) => c.conversationId === DESK_CHANNEL && JSON.stringify(c.body).includes(number),
    );
    expect(
      e2e.connector.writes(
        (c) =>
          c.method === 'POST' &&
          c.conversationId === opened.conversation.id &&
          JSON.stringify(c.body).includes(number),
      ),
    ).toHaveLength(1);
    expect(
      e2e.connector.writes(
        (c) =>
          c.method === 'POST' &&
          c.conversationId === DESK_CHANNEL &&
          JSON.stringify(c.body).includes(number),
      ),
    ).toHaveLength(1);
  });
});

describe('Teams: working the case from the agent card', () => {
  it('a reply from the card reaches the customer chat; a resolve moves the customer card to solved', async () => {
    const opened = await e2e.openCase('Gift cards cannot be redeemed');
    const press = (verb: string, data: Record<string, string>) =>
      e2e.post(
        cardAction(e2e.connector.url, {
          from: TEAMS_AGENT,
          conversation: desk,
          verb,
          data: { caseId: opened.case.id, ...data },
          replyToId: opened.agentCard.postedId!,
        }),
      );
    await press('claim', {});
    await press('reply', { replyText: 'Looking at the <b>gift card</b> service now' });
    const reply = await e2e.connector.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.conversationId === opened.conversation.id &&
        String(c.body.text).includes('gift card'),
    );
    expect(String(reply.body.text)).toContain('&lt;b&gt;gift card&lt;/b&gt;');
    const resolved = await press('resolve', {
      resolutionType: 'fixed',
      resolutionText: 'Restarted the voucher service',
    });
    expect(resolved.status).toBe(200);
    const solvedCard = await e2e.connector.waitFor(
      (c) =>
        c.method === 'PUT' &&
        c.activityId === opened.customerCard.postedId &&
        JSON.stringify(c.body).includes('Restarted the voucher service'),
    );
    expect(verbsIn(cardOf(solvedCard))).toEqual(expect.arrayContaining(['closeMine', 'reopen']));
    const stored = await e2e.app.core.cases.findById(opened.case.id);
    expect(stored?.statusCategory).toBe('solved');
  });
});
