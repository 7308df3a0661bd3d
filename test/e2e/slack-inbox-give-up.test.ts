import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { NOT_TAKEN_IN } from '../../adapters/shared/words.js';
import { MongoInbox } from '../../src/store/inbox/mongo-inbox.js';
import { eventually, useSlackE2E } from '../support/slack/e2e.js';
import { messageEvent } from '../support/slack/payloads.js';
import { exampleConfig } from '../support/test-config.js';

/** The example config with one attempt per delivery, so a failure is given up at once. */
const oneAttemptConfig = (): string => {
  const config = exampleConfig() as Record<string, unknown>;
  config.inbox = { ...(config.inbox as object), maxAttempts: 1 };
  const file = join(mkdtempSync(join(tmpdir(), 'caseline-inbox-')), 'caseline.yaml');
  writeFileSync(file, stringify(config));
  return file;
};

describe('Caseline in Slack: a delivery given up after its last attempt', () => {
  const e2e = useSlackE2E({ env: { CASELINE_CONFIG: oneAttemptConfig() } });

  it('is told to the person who sent it, not only logged', async () => {
    e2e.fake.setUsers({
      U09NOBODY1: { team_id: 'T09KESTREL', real_name: 'Nobody', email: 'nobody@elsewhere.example' },
    });
    // Handling this message means telling a stranger they are not on file; Slack fails that.
    e2e.fake.failNext('chat.postEphemeral', 500, 1);
    const event = messageEvent({
      text: 'Hello, invoices fail',
      user: 'U09NOBODY1',
      team: 'T09KESTREL',
      channel: 'D0GIVENUP1',
      channelType: 'im',
    });
    expect((await e2e.post('event', event)).status).toBe(200);
    const told = await eventually(async () =>
      e2e.fake
        .callsTo('chat.postEphemeral')
        .find((c) => c.args.user === 'U09NOBODY1' && c.status === 200),
    );
    expect(told.args).toMatchObject({ channel: 'D0GIVENUP1', text: NOT_TAKEN_IN });
    const inbox = new MongoInbox(e2e.app.core.connection);
    expect(await inbox.count('dead')).toBe(1);
    expect(await inbox.count('pending')).toBe(0);
  });
});
