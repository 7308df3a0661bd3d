/**
 * SLA clocks as Slack users see them, against the running app (real Agenda, real
 * database, loopback fake Slack API): the example configuration with every policy
 * shortened to a 24/7 calendar and a first response due 12 seconds after opening (the
 * app polls its timers every 5 s, so the warning at 6 s and the breach are seen apart).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { eventually, SHARED, TRIAGE, useSlackE2E } from '../support/slack/e2e.js';
import { exampleConfig } from '../support/test-config.js';

const ESCALATION = 'C06ERPESC1';
const LENA = 'U06LVOGT01'; // lead of erp-finance, its manager in the example queues

const fastConfig = (): string => {
  const config = exampleConfig() as {
    sla: { policies: Record<string, unknown>[] };
  };
  const targets = { firstResponse: '12s', resolution: '1h' };
  config.sla.policies = config.sla.policies.map((policy) => ({
    ...policy,
    calendar: 'around-the-clock',
    targets: { urgent: targets, high: targets, normal: targets, low: targets },
    warningAt: 0.5,
    escalation: { raisePriorityOnBreach: false },
  }));
  const path = join(tmpdir(), `caseline-sla-e2e-${process.pid}.yaml`);
  writeFileSync(path, stringify(config));
  return path;
};

describe('Caseline in Slack: SLA clocks', () => {
  const e2e = useSlackE2E({ env: { CASELINE_CONFIG: fastConfig() } });

  it('shows the clock on both cards, then reminds and escalates in Slack', async () => {
    const { card, case: opened } = await e2e.openByMessage(
      'Invoice export fails at month-end with error 42',
      SHARED,
    );
    expect(opened.queueKey).toBe('erp-finance');
    const customerCard = JSON.stringify(card.args.blocks);
    expect(customerCard).toContain('You will hear from us by <!date^');
    const agentCard = e2e.posts(TRIAGE, (c) => String(c.args.text).includes(opened.number))[0]!;
    expect(JSON.stringify(agentCard.args.blocks)).toContain('First response due <!date^');
    // The card names the policy whose clocks it shows: the contract's.
    expect(JSON.stringify(agentCard.args.blocks)).toContain('*SLA*\\ngold-24x7');

    // Unassigned: the warning goes to the queue's triage channel (outside the card thread).
    const warning = await e2e.fake.waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === TRIAGE &&
        c.args.thread_ts === undefined &&
        String(c.args.text).includes(`${opened.number}*`) &&
        String(c.args.text).includes(':warning:'),
      15_000,
    );
    expect(String(warning.args.text)).toContain('First response due');

    // The breach: the manager by DM and the escalation channel, once each.
    await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === ESCALATION && String(c.args.text).includes(opened.number),
      15_000,
    );
    const dm = await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === LENA && String(c.args.text).includes(opened.number),
      5_000,
    );
    expect(String(dm.args.text)).toContain('First response breached');
    expect(String(dm.args.text)).toContain('Told: Lena Vogt (queue manager)');

    // The agent card is updated in place with the breach and the escalation level.
    await eventually(async () => {
      const updates = e2e.fake
        .callsTo('chat.update')
        .filter(
          (c) =>
            c.args.channel === TRIAGE && c.args.ts === (agentCard.response as { ts?: string }).ts,
        );
      const last = JSON.stringify(updates.at(-1)?.args.blocks ?? '');
      return last.includes('First response breached') && last.includes('Escalation level 1')
        ? true
        : undefined;
    }, 10_000);
    const escalations = e2e.posts(ESCALATION, (c) => String(c.args.text).includes(opened.number));
    expect(escalations).toHaveLength(1);
  });
});
