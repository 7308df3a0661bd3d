/**
 * The customer's card always shows the next promise. Here every policy answers within an
 * hour, next responses within 30 minutes and solves within eight hours, around the clock:
 * once an agent answers, the card promises the solution; when the customer writes again,
 * the next-response clock starts, and the card must promise that answer instead.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { staffActor } from '../../adapters/shared/actors.js';
import { eventually, useSlackE2E } from '../support/slack/e2e.js';
import { messageEvent } from '../support/slack/payloads.js';
import { exampleConfig } from '../support/test-config.js';

const promiseConfig = (): string => {
  const config = exampleConfig() as {
    sla: { policies: Record<string, unknown>[] };
  };
  const targets = { firstResponse: '1h', nextResponse: '30m', resolution: '8h' };
  config.sla.policies = config.sla.policies.map((policy) => ({
    ...policy,
    calendar: 'around-the-clock',
    targets: { urgent: targets, high: targets, normal: targets, low: targets },
  }));
  const path = join(tmpdir(), `caseline-promise-e2e-${process.pid}.yaml`);
  writeFileSync(path, stringify(config));
  return path;
};

describe('Caseline in Slack: the promise on the customer card', () => {
  const e2e = useSlackE2E({ env: { CASELINE_CONFIG: promiseConfig() } });

  it('shows the next response promised once the customer writes again', async () => {
    const {
      card,
      case: opened,
      channel,
      ts,
    } = await e2e.openByMessage('Invoice export fails at month-end with error 500');
    const cardTs = (card.response as unknown as { ts: string }).ts;
    const customerCard = () =>
      e2e.fake
        .callsTo('chat.update')
        .filter((c) => c.args.channel === channel && c.args.ts === cardTs)
        .at(-1);
    expect(JSON.stringify(card.args.blocks)).toContain('You will hear from us by');

    const agent = staffActor(
      (await e2e.app.core.directory.findAgentByEmail('priya.raman@ledgerline.example'))!,
    );
    const replied = await e2e.app.core.useCases.replyToCustomer({
      ref: { caseId: opened.id },
      actor: agent,
      text: 'We re-ran the export for February with the corrected period; please check it.',
    });
    expect(replied.ok).toBe(true);
    await eventually(async () =>
      JSON.stringify(customerCard()?.args.blocks ?? '').includes('We aim to solve it by')
        ? true
        : undefined,
    );

    const since = e2e.fake.calls.length;
    await e2e.post(
      'event',
      messageEvent({
        text: 'February is fine now, but March still fails.',
        channel,
        channelType: 'im',
        threadTs: ts,
      }),
    );
    await eventually(async () => {
      const updated = e2e.fake.calls
        .slice(since)
        .filter(
          (c) => c.method === 'chat.update' && c.args.channel === channel && c.args.ts === cardTs,
        )
        .at(-1);
      return JSON.stringify(updated?.args.blocks ?? '').includes('You will hear from us by')
        ? true
        : undefined;
    }, 8000);
  });
});
