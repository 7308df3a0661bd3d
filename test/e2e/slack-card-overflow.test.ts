/**
 * The agent card's overflow menu in Slack: an option's value is a case action id, and
 * choosing it does what the action's own button does. Signed requests over HTTP against a
 * fake Slack API; what was stored is read back.
 */
import type { BlockAction } from '@slack/bolt';
import type { KnownBlock, Overflow } from '@slack/types';
import { ACTIONS, VIEWS } from '../../adapters/slack/registry.js';
import { caseBlockId } from '../../adapters/slack/render/agent-card.js';
import { blockActions } from '../support/slack/payloads.js';
import { eventually, TRIAGE, useSlackE2E } from '../support/slack/e2e.js';

describe('Caseline in Slack: the agent card’s overflow menu', () => {
  const e2e = useSlackE2E();

  /** The agent card as Slack last got it. */
  const agentCard = (number: string) => {
    const calls = [
      ...e2e.fake.callsTo('chat.postMessage'),
      ...e2e.fake.callsTo('chat.update'),
    ].filter((c) => c.args.channel === TRIAGE && String(c.args.text).includes(number));
    return calls.at(-1)?.args.blocks as KnownBlock[] | undefined;
  };

  /** A choice in the overflow menu, as Slack sends it. */
  const choose = (caseId: string, version: number, value: string) => {
    const body = blockActions({
      actionId: ACTIONS.more,
      blockId: caseBlockId(caseId, version),
      selectedOption: { value },
      channel: TRIAGE,
    });
    const [picked] = body.actions as unknown as Record<string, unknown>[];
    const overflow = {
      ...body,
      actions: [{ ...picked, type: 'overflow' }],
    } as unknown as BlockAction;
    return e2e.post('interaction', overflow);
  };

  it('offers the rarer work behind the menu and opens its form from there', async () => {
    const { case: opened } = await e2e.openByMessage('Invoice totals double after a ledger sync');
    const blocks = agentCard(opened.number) ?? [];
    const menu = blocks
      .flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .find((e): e is Overflow => e.type === 'overflow');
    expect(menu?.options.map((o) => o.value)).toContain('note');

    const before = e2e.fake.callsTo('views.open').length;
    expect((await choose(opened.id, opened.version, 'note')).status).toBe(200);
    const opening = await e2e.fake.waitFor(
      'views.open',
      (c) =>
        e2e.fake.callsTo('views.open').length > before &&
        JSON.stringify(c.args.view).includes(VIEWS.note),
    );
    expect(
      JSON.parse(String((opening.args.view as { private_metadata: string }).private_metadata)),
    ).toMatchObject({
      caseId: opened.id,
    });
  });

  it('claims from the menu as the Claim button does', async () => {
    const { case: opened } = await e2e.openByMessage('Invoice batch export stops at line 200');
    expect((await choose(opened.id, opened.version, 'claim')).status).toBe(200);
    const claimed = await eventually(async () => {
      const stored = await e2e.app.core.cases.findById(opened.id);
      return stored?.assigneeId ? stored : undefined;
    });
    expect(claimed.assigneeName).toBeTruthy();
  });
});
