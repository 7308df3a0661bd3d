/**
 * Teams intake beyond a plain message: the "new case" form (installations of the
 * customer, a double press opens one case), agents opening a case for a customer,
 * pleasantries, and the grouping window.
 */
import { cardAction, messageActivity } from '../support/teams/activities.js';
import {
  cardOf,
  DESK_CHANNEL,
  eventually,
  TEAMS_AGENT,
  TEAMS_CUSTOMER,
  useTeamsE2E,
} from '../support/teams/e2e.js';

const e2e = useTeamsE2E();
const chat = (id: string) => ({ id, conversationType: 'personal' as const });
const caseCount = async () => (await e2e.app.core.cases.list({ limit: 1000 })).length;

describe('Teams: the new case form', () => {
  it('"new case" shows the form with the customer\'s installations; pressing Open case twice opens one case', async () => {
    const conversation = chat('a:grace-form');
    const ask = messageActivity(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation,
      text: 'new case',
    });
    await e2e.post(ask);
    const form = await e2e.connector.waitFor(
      (c) => c.conversationId === conversation.id && c.status === 200,
    );
    const text = JSON.stringify(cardOf(form));
    expect(text).toContain('ledgerline-pos 8.0 (production)');
    expect(text).not.toContain('ledgerline-erp'); // Northwind's product, not Harbor Foods'
    const installations = await e2e.app.core.directory.listInstallations(
      (await e2e.app.core.directory.findContactByEmail(TEAMS_CUSTOMER.email))!.organizationId,
    );
    const pos = installations.find((i) => i.productKey === 'ledgerline-pos')!;
    const before = await caseCount();
    const press = () =>
      cardAction(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation,
        verb: 'openCase',
        data: {
          installationId: pos.id,
          title: 'Tills freeze at closing',
          description: 'Since 8.0',
          priority: 'high',
        },
        replyToId: form.postedId!,
      });
    const first = await e2e.post(press());
    const second = await e2e.post(press());
    expect(JSON.stringify(first.body)).toMatch(/CASE-\d+ is open/);
    expect(JSON.stringify(second.body)).toEqual(JSON.stringify(first.body));
    expect(await caseCount()).toBe(before + 1);
    const number = /CASE-\d+/.exec(JSON.stringify(first.body))![0];
    const full = await e2e.app.core.cases.findByNumber(number);
    expect(full).toMatchObject({
      productKey: 'ledgerline-pos',
      priority: 'high',
      queueKey: 'retail',
    });
    // The customer's card answers the form message.
    await e2e.connector.waitFor(
      (c) =>
        c.conversationId === conversation.id &&
        c.activityId === form.postedId &&
        JSON.stringify(c.body).includes(number),
    );
  });

  it('a form with no title comes back with the problem and opens nothing', async () => {
    const before = await caseCount();
    const answer = await e2e.post(
      cardAction(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation: chat('a:grace-form-empty'),
        verb: 'openCase',
        data: { title: '' },
        replyToId: 'form-1',
      }),
    );
    expect(JSON.stringify(answer.body)).toContain('A case needs a title.');
    expect(await caseCount()).toBe(before);
  });
});

describe('Teams: messages that do not open a new case', () => {
  it('a pleasantry on its own opens nothing', async () => {
    const before = await caseCount();
    const conversation = chat('a:grace-thanks');
    await e2e.post(
      messageActivity(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation,
        text: 'Thanks! 👍',
      }),
    );
    // A real request after it is handled, so the pleasantry was handled before it (in order).
    const followUp = messageActivity(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation: chat('a:grace-after-thanks'),
      text: 'Scanner offline',
    });
    await e2e.post(followUp);
    await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:a:grace-after-thanks:${followUp.id}`),
    );
    expect(await caseCount()).toBe(before + 1);
  });

  it('a second message within the grouping window joins the case as a comment', async () => {
    const conversation = chat('a:grace-grouping');
    const first = messageActivity(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation,
      text: 'Receipt printer jams',
    });
    await e2e.post(first);
    const opened = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:${conversation.id}:${first.id}`),
    );
    // The customer's card is out, so the intake is fully recorded (minutes apart in real life).
    await e2e.connector.waitFor((c) => c.conversationId === conversation.id && c.status === 200);
    const before = await caseCount();
    await e2e.post(
      messageActivity(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation,
        text: 'It is the one at till 3',
      }),
    );
    const joined = await eventually(async () => {
      const found = await e2e.app.core.cases.findById(opened.id);
      return found?.events.some(
        (e) => e.type === 'commented' && e.text === 'It is the one at till 3',
      )
        ? found
        : undefined;
    });
    expect(joined.id).toBe(opened.id);
    expect(await caseCount()).toBe(before);
  });

  it('two messages sent back to back in one chat open one case', async () => {
    const conversation = chat('a:grace-rapid');
    const before = await caseCount();
    const first = messageActivity(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation,
      text: 'Card terminal declines everything',
    });
    const second = messageActivity(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation,
      text: 'Since the update this morning',
    });
    // Both are acknowledged before the first is handled; the second must see its case.
    await e2e.post(first);
    await e2e.post(second);
    const opened = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:${conversation.id}:${first.id}`),
    );
    await eventually(async () => {
      const found = await e2e.app.core.cases.findById(opened.id);
      return found?.events.some((e) => e.type === 'commented') ? found : undefined;
    });
    expect(await caseCount()).toBe(before + 1);
  });
});

describe('Teams: agents open a case for a customer', () => {
  const agentChat = chat('a:tomas-behalf');
  const LIAM = 'liam.byrne@harborfoods.example';

  it('"new case for <email>" shows the agents\' form; Open case (pressed twice) opens one case for that contact, taken by email', async () => {
    const ask = messageActivity(e2e.connector.url, {
      from: TEAMS_AGENT,
      conversation: agentChat,
      text: `new case for ${LIAM}`,
    });
    await e2e.post(ask);
    const form = await e2e.connector.waitFor(
      (c) => c.conversationId === agentChat.id && c.status === 200,
    );
    const shown = cardOf(form) as { body: { id?: string; value?: string }[] };
    expect(shown.body.find((e) => e.id === 'contactEmail')?.value).toBe(LIAM);
    expect(shown.body.some((e) => e.id === 'reachedBy')).toBe(true);
    const before = await caseCount();
    const press = () =>
      cardAction(e2e.connector.url, {
        from: TEAMS_AGENT,
        conversation: agentChat,
        verb: 'openCase',
        data: {
          contactEmail: LIAM,
          reachedBy: 'email',
          title: 'Price labels print in the wrong currency',
          description: 'Liam emailed: store 3 labels show USD',
        },
        replyToId: form.postedId!,
      });
    const first = await e2e.post(press());
    const second = await e2e.post(press());
    expect(JSON.stringify(first.body)).toMatch(/CASE-\d+ is open for Liam Byrne/);
    expect(JSON.stringify(second.body)).toEqual(JSON.stringify(first.body));
    expect(await caseCount()).toBe(before + 1);
    const number = /CASE-\d+/.exec(JSON.stringify(first.body))![0];
    const stored = await e2e.app.core.cases.findByNumber(number);
    const liam = await e2e.app.core.directory.findContactByEmail(LIAM);
    expect(stored).toMatchObject({
      contactId: liam!.id,
      organizationKey: 'harbor-foods',
      origin: { channel: 'email' },
    });
    expect(stored?.events[0]?.actor.name).toBe(TEAMS_AGENT.name);
    // The agent card goes to the queue's channel as for any case.
    await e2e.connector.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.conversationId === DESK_CHANNEL &&
        JSON.stringify(c.body).includes(number),
    );
  });

  it('an email not on file brings the form back with the problem and opens nothing', async () => {
    const before = await caseCount();
    const answer = await e2e.post(
      cardAction(e2e.connector.url, {
        from: TEAMS_AGENT,
        conversation: agentChat,
        verb: 'openCase',
        data: { contactEmail: 'nobody@nowhere.example', reachedBy: 'phone', title: 'Help' },
        replyToId: 'agent-form-2',
      }),
    );
    const text = JSON.stringify(answer.body);
    expect(text).toContain('No contact nobody@nowhere');
    expect(text).toContain('contactEmail');
    expect(await caseCount()).toBe(before);
  });

  it('a customer cannot open a case for someone else: the form opens it for themselves', async () => {
    const conversation = chat('a:grace-behalf-attempt');
    const answer = await e2e.post(
      cardAction(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation,
        verb: 'openCase',
        data: { contactEmail: LIAM, reachedBy: 'phone', title: 'Drawer will not open' },
        replyToId: 'grace-form-behalf',
      }),
    );
    const number = /CASE-\d+/.exec(JSON.stringify(answer.body))![0];
    const grace = await e2e.app.core.directory.findContactByEmail(TEAMS_CUSTOMER.email);
    const stored = await e2e.app.core.cases.findByNumber(number);
    expect(stored?.contactId).toBe(grace!.id);
    expect(stored?.origin.channel).toBe('teams');
  });
});
