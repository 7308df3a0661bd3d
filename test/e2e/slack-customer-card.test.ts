import { ACTIONS, VIEWS } from '../../adapters/slack/registry.js';
import {
  blockActions,
  SLACK_CUSTOMER,
  stateValue,
  viewSubmission,
} from '../support/slack/payloads.js';
import { eventually, TRIAGE, useSlackE2E } from '../support/slack/e2e.js';
import { settled } from '../support/settled.js';

/** The customer's own buttons on their card: Add details and Reopen. */
describe('Caseline in Slack: the customer card', () => {
  const e2e = useSlackE2E();
  const { post, openByMessage } = e2e;
  const stored = (id: string) => e2e.app.core.cases.findById(id);
  const asCustomer = { user: SLACK_CUSTOMER.userId, team: SLACK_CUSTOMER.teamId };

  it('opens the Add details modal and puts what the customer wrote on the case, escaped for agents', async () => {
    const { case: opened, channel } = await openByMessage('Invoice export misses the cost centre');
    await post(
      'interaction',
      blockActions({ actionId: ACTIONS.addDetails, value: opened.id, channel, ...asCustomer }),
    );
    const modal = await e2e.fake.waitFor('views.open', (c) =>
      JSON.stringify(c.args.view).includes(VIEWS.addDetails),
    );
    expect(JSON.stringify(modal.args.view)).toContain(opened.id);

    const details = 'It started after 2.0 <!channel> see <https://evil.example|the docs>';
    const response = await post(
      'interaction',
      viewSubmission({
        callbackId: VIEWS.addDetails,
        privateMetadata: JSON.stringify({ caseId: opened.id }),
        values: { message: { value: stateValue.text(details) } },
        ...asCustomer,
      }),
    );
    expect(response.status).toBe(200);
    const after = await eventually(async () => {
      const found = await stored(opened.id);
      return found?.events.some((e) => e.text === details) ? found : undefined;
    });
    expect(after!.events.find((e) => e.text === details)).toMatchObject({
      visibility: 'public',
      actor: expect.objectContaining({ kind: 'customer' }),
    });
    // The agents see it in the case thread, with the ping and the link made harmless.
    const echoed = await e2e.fake.waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === TRIAGE &&
        c.args.thread_ts !== undefined &&
        JSON.stringify(c.args).includes('It started after 2.0'),
    );
    const sent = JSON.stringify(echoed.args);
    expect(sent).not.toContain('<!channel>');
    expect(sent).not.toContain('<https://evil.example|the docs>');
  });

  it('reopens a solved case from the customer’s Reopen button, once for a double click', async () => {
    const { case: opened, channel } = await openByMessage('Invoice credit shows negative amounts');
    await post(
      'interaction',
      blockActions({ actionId: ACTIONS.claim, value: opened.id, channel: TRIAGE }),
    );
    await eventually(async () => ((await stored(opened.id))?.assigneeId ? true : undefined));
    await post(
      'interaction',
      viewSubmission({
        callbackId: VIEWS.resolve,
        privateMetadata: JSON.stringify({ caseId: opened.id }),
        values: {
          resolution_type: { value: stateValue.select('fixed') },
          resolution_text: { value: stateValue.text('Recalculated the accrual.') },
        },
      }),
    );
    await eventually(async () =>
      (await stored(opened.id))?.statusCategory === 'solved' ? true : undefined,
    );

    const press = () =>
      post(
        'interaction',
        blockActions({ actionId: ACTIONS.reopen, value: opened.id, channel, ...asCustomer }),
      );
    const responses = await Promise.all([press(), press()]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const reopened = await eventually(async () => {
      const found = await stored(opened.id);
      return found && found.statusCategory !== 'solved' ? found : undefined;
    });
    expect(reopened!.statusCategory).not.toBe('closed');
    // The customer card loses "Close my case" and shows "Add details" again.
    await e2e.fake.waitFor(
      'chat.update',
      (c) =>
        c.args.channel === channel &&
        JSON.stringify(c.args.blocks).includes(ACTIONS.addDetails) &&
        !JSON.stringify(c.args.blocks).includes(ACTIONS.closeMine),
    );
    await settled(e2e.app);
    expect((await stored(opened.id))!.events.filter((e) => e.type === 'reopened')).toHaveLength(1);
  });
});
