/**
 * Teams channels and delivery trouble: a post in a mapped support channel opens a case
 * whose card goes in that post's thread, a reply in the thread joins the case, and the
 * connector's gateway errors delay a card without losing or doubling it.
 */
import { messageActivity, SUPPORT_CHANNEL } from '../support/teams/activities.js';
import { MongoChatLinks } from '../../src/store/chat-links/mongo-chat-links.js';
import { eventually, TEAMS_CUSTOMER, useTeamsE2E } from '../support/teams/e2e.js';
import { settled } from '../support/settled.js';

const e2e = useTeamsE2E();

describe('Teams: support channels', () => {
  it('a post in a mapped channel opens a case, its card answers in the thread, and a thread reply joins it', async () => {
    const rootId = '1700000123456';
    const post = messageActivity(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation: { id: `${SUPPORT_CHANNEL};messageid=${rootId}`, conversationType: 'channel' },
      text: 'Store 7 cannot print shelf labels',
      id: rootId,
    });
    await e2e.post(post);
    const stored = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:${SUPPORT_CHANNEL}:${rootId}`),
    );
    const card = await e2e.connector.waitFor(
      (c) => c.status === 200 && c.conversationId === `${SUPPORT_CHANNEL};messageid=${rootId}`,
    );
    expect(JSON.stringify(card.body)).toContain(stored.number);
    // The notifier records the card's thread just after the connector answers.
    const links = new MongoChatLinks(e2e.app.core.connection);
    await eventually(() => links.findThread(`teams:${SUPPORT_CHANNEL}`, rootId));
    await e2e.post(
      messageActivity(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation: { id: `${SUPPORT_CHANNEL};messageid=${rootId}`, conversationType: 'channel' },
        text: 'Also the price tags',
      }),
    );
    const joined = await eventually(async () => {
      const found = await e2e.app.core.cases.findById(stored.id);
      return found?.events.some((e) => e.type === 'commented' && e.text === 'Also the price tags')
        ? found
        : undefined;
    });
    expect(joined.id).toBe(stored.id);
  });

  it('a post in an unmapped channel opens nothing', async () => {
    const before = (await e2e.app.core.cases.list({ limit: 1000 })).length;
    const post = messageActivity(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation: { id: '19:random@thread.tacv2;messageid=17', conversationType: 'channel' },
      text: 'Lunch at noon?',
      id: '17',
    });
    await e2e.post(post);
    // A request sent after it: once that case exists, give a stray case a moment more.
    const later = messageActivity(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation: { id: 'a:grace-after-lunch', conversationType: 'personal' },
      text: 'Scale shows wrong weight',
    });
    await e2e.post(later);
    await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:a:grace-after-lunch:${later.id}`),
    );
    await settled(e2e.app);
    expect(
      await e2e.app.core.cases.findByIntakeKey('teams:19:random@thread.tacv2:17'),
    ).toBeUndefined();
    expect((await e2e.app.core.cases.list({ limit: 1000 })).length).toBe(before + 1);
  });
});

describe('Teams: gateway errors', () => {
  it('502s from the connector delay the card; it is delivered once, later', async () => {
    e2e.connector.failNext(6, 502);
    const conversation = { id: 'a:grace-502', conversationType: 'personal' as const };
    const message = messageActivity(e2e.connector.url, {
      from: TEAMS_CUSTOMER,
      conversation,
      text: 'Self checkout reboots',
    });
    await e2e.post(message);
    const stored = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:${conversation.id}:${message.id}`),
    );
    await e2e.connector.waitFor(
      (c) => c.status === 200 && c.conversationId === conversation.id,
      20_000,
    );
    const posts = e2e.connector.writes(
      (c) => c.conversationId === conversation.id && JSON.stringify(c.body).includes(stored.number),
    );
    expect(posts).toHaveLength(1);
    expect(e2e.connector.calls.filter((c) => c.status === 502).length).toBeGreaterThanOrEqual(1);
  });
});
