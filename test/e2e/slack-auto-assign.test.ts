import { eventually, TRIAGE, useSlackE2E } from '../support/slack/e2e.js';

/**
 * erp-finance taking turns between Lena and Priya. Set once the app runs: the example
 * import at start replaces the queues caseline.yaml wrote.
 */
const takeTurns = async (e2e: ReturnType<typeof useSlackE2E>) => {
  const directory = e2e.app.core.directory;
  const queue = (await directory.findQueueByKey('erp-finance'))!;
  const { id: _id, ...rest } = queue;
  await directory.upsertQueues([
    {
      ...rest,
      members: ['lena.vogt@ledgerline.example', 'priya.raman@ledgerline.example'],
      assignment: { strategy: 'round-robin', skills: false, handOnWhenAway: false },
    },
  ]);
  directory.clear();
};

describe('Caseline in Slack: automatic assignment', () => {
  const e2e = useSlackE2E();
  beforeAll(() => takeTurns(e2e));

  const cardsWith = (channel: string, text: string) =>
    [...e2e.fake.callsTo('chat.postMessage'), ...e2e.fake.callsTo('chat.update')].filter(
      (c) =>
        c.status === 200 &&
        c.args.channel === channel &&
        JSON.stringify(c.args.blocks ?? []).includes(text),
    );

  it('shows the owner the queue chose on both cards and tells them by DM', async () => {
    const { case: opened, channel } = await e2e.openByMessage('Invoice batch stuck at approval');
    const stored = await eventually(async () => {
      const found = await e2e.app.core.cases.findById(opened.id);
      return found?.assigneeName ? found : undefined;
    });
    // Turns go in the order of the members' emails: Lena first.
    expect(stored.assigneeName).toBe('Lena Vogt');
    await eventually(async () => (cardsWith(channel, 'Lena Vogt').length > 0 ? true : undefined));
    await eventually(async () => (cardsWith(TRIAGE, 'Lena Vogt').length > 0 ? true : undefined));
    const dm = await e2e.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'U06LVOGT01');
    expect(String(dm.args.text)).toContain(opened.number);
    expect(String(dm.args.text)).toContain('round-robin');
  });

  it('gives the next case to the next member', async () => {
    const { case: opened, channel } = await e2e.openByMessage('Invoice numbering skipped 17');
    await eventually(async () => (cardsWith(channel, 'Priya Raman').length > 0 ? true : undefined));
    await eventually(async () => (cardsWith(TRIAGE, 'Priya Raman').length > 0 ? true : undefined));
    expect(
      (await e2e.app.core.cases.findById(opened.id))?.events.filter((e) => e.type === 'assigned'),
    ).toHaveLength(1);
  });
});
