/**
 * Files a customer shares in Teams are kept on the case as Slack's are: one `📎 name link`
 * line each in the message that opened the case (or the comment it became), so the agent
 * card and the history show them. The link kept is the file's `contentUrl`, never the
 * short-lived pre-authenticated download URL.
 */
import { messageActivity } from '../support/teams/activities.js';
import { MongoChatLinks } from '../../src/store/chat-links/mongo-chat-links.js';
import {
  cardOf,
  DESK_CHANNEL,
  eventually,
  TEAMS_CUSTOMER,
  useTeamsE2E,
} from '../support/teams/e2e.js';

const e2e = useTeamsE2E();

const REPORT = {
  contentType: 'application/vnd.microsoft.teams.file.download.info',
  contentUrl: 'https://harborfoods-my.sharepoint.com/personal/grace/Documents/till-log.txt',
  name: 'till_*log*.txt',
  content: {
    downloadUrl: 'https://harborfoods-my.sharepoint.com/download.aspx?tempauth=SECRET',
    uniqueId: '1d2e3f',
    fileType: 'txt',
  },
};
const SCREENSHOT = {
  contentType: 'image/png',
  contentUrl: 'https://smba.trafficmanager.net/amer/v3/attachments/0-abc/views/original',
};
// Teams sends the message's own HTML next to the files: it is not a file.
const HTML_COPY = { contentType: 'text/html', content: '<p>The till log</p>' };

describe('Teams: files shared with a message', () => {
  it('a message with files opens a case whose description lists them, and the agent card shows them', async () => {
    const conversation = { id: 'a:grace-files', conversationType: 'personal' as const };
    const message = {
      ...messageActivity(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation,
        text: 'The till crashes when closing the day; log attached',
      }),
      attachments: [HTML_COPY, REPORT, SCREENSHOT],
    };
    await e2e.post(message);
    const stored = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:${conversation.id}:${message.id}`),
    );
    expect(stored.description.split('\n')).toEqual([
      'The till crashes when closing the day; log attached',
      `📎 till_*log*.txt ${REPORT.contentUrl}`,
      `📎 original ${SCREENSHOT.contentUrl}`,
    ]);
    expect(stored.description).not.toContain('tempauth');
    expect(stored.description).not.toContain('<p>');
    const agentCard = await e2e.connector.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.conversationId === DESK_CHANNEL &&
        JSON.stringify(c.body).includes(stored.number),
    );
    const shown = JSON.stringify(cardOf(agentCard));
    // The file name is escaped like any customer text.
    expect(shown).toContain('till\\\\_\\\\*log\\\\*\\\\.txt');
    expect(shown).toContain('till\\\\-log\\\\.txt');
  });

  it('a file sent on its own in the case thread joins the case as a comment', async () => {
    const rootId = '1700000555001';
    const channel = `19:harborsupport@thread.tacv2;messageid=${rootId}`;
    await e2e.post(
      messageActivity(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation: { id: channel, conversationType: 'channel' },
        text: 'Scale prints the wrong weight on labels',
        id: rootId,
      }),
    );
    const stored = await eventually(() =>
      e2e.app.core.cases.findByIntakeKey(`teams:19:harborsupport@thread.tacv2:${rootId}`),
    );
    const links = new MongoChatLinks(e2e.app.core.connection);
    await eventually(() => links.findThread('teams:19:harborsupport@thread.tacv2', rootId));
    const photo = {
      contentType: 'reference',
      contentUrl: 'https://harborfoods.sharepoint.com/sites/stores/Shared%20Documents/label.jpg',
      name: 'label.jpg',
    };
    await e2e.post({
      ...messageActivity(e2e.connector.url, {
        from: TEAMS_CUSTOMER,
        conversation: { id: channel, conversationType: 'channel' },
        text: '',
      }),
      attachments: [photo],
    });
    const comment = await eventually(async () => {
      const found = await e2e.app.core.cases.findById(stored.id);
      return found?.events.find((e) => e.type === 'commented');
    });
    expect(comment.text).toBe(`📎 label.jpg ${photo.contentUrl}`);
  });
});
