import { ACTIONS, SLACK_CASE_ACTIONS, VIEWS } from '../../adapters/slack/registry.js';
import { INPUTS } from '../../adapters/slack/render/modal-inputs.js';
import { analyze } from '../../src/kb/analyze.js';
import { articleDraft } from '../support/kb-article.js';
import {
  blockActions,
  SLACK_CUSTOMER,
  slashCommand,
  stateValue,
  viewSubmission,
} from '../support/slack/payloads.js';
import { TRIAGE, useSlackE2E } from '../support/slack/e2e.js';

const SYSTEM = { kind: 'system', name: 'kb e2e' } as const;

describe('Caseline in Slack: the knowledge base', () => {
  const e2e = useSlackE2E();

  beforeAll(async () => {
    for (const draft of [
      articleDraft({
        slug: 'receipt-printer-offline',
        title: 'Receipt printer shows as offline at the checkout',
        problem: 'The till cannot print receipts.',
        solution: 'Run *Test print* in POS settings <then> reinstall the driver.',
        docLinks: ['https://docs.example/pos/printers'],
      }),
      articleDraft({
        slug: 'printer-server-internal',
        title: 'Server printer not found',
        problem: 'Printing fails with printer not found on the server.',
        visibility: 'internal',
      }),
      articleDraft({
        slug: 'printer-draft',
        title: 'Printer draft notes',
        problem: 'Receipt printer offline draft.',
        status: 'draft',
      }),
    ]) {
      const saved = await e2e.app.core.kb.useCases.saveKbArticle({ actor: SYSTEM, article: draft });
      expect(saved.ok).toBe(true);
    }
  });

  it('answers a customer’s /support kb privately with public published articles only', async () => {
    await e2e.post(
      'command',
      slashCommand({
        text: 'kb recipt printer offline',
        responseUrl: e2e.fake.responseUrl('kb-anna'),
      }),
    );
    const answer = await e2e.fake.waitFor('response_url', (c) => c.path.includes('kb-anna'));
    expect(answer.args.response_type).toBe('ephemeral');
    const shown = JSON.stringify(answer.args.blocks);
    expect(shown).toContain('Receipt printer shows as offline at the checkout');
    // The customer's and the author's text is escaped, never interpreted as markup.
    expect(shown).toContain('&lt;then&gt;');
    expect(shown).not.toContain('Server printer not found');
    expect(shown).not.toContain('Printer draft notes');
  });

  it('shows an agent internal articles too', async () => {
    await e2e.post(
      'command',
      slashCommand({
        user: 'U06PRAMAN1',
        team: 'T06LEDGER1',
        channel: TRIAGE,
        text: 'kb printer not found on the server',
        responseUrl: e2e.fake.responseUrl('kb-priya'),
      }),
    );
    const answer = await e2e.fake.waitFor('response_url', (c) => c.path.includes('kb-priya'));
    expect(JSON.stringify(answer.args.blocks)).toContain('Server printer not found');
  });

  it('saves a solved case as a draft article referencing the case, once', async () => {
    const { case: opened } = await e2e.openByMessage(
      'Invoice dunning letters never reach customers',
    );
    const resolved = await e2e.app.core.useCases.resolveCase({
      ref: { caseId: opened.id },
      actor: SYSTEM,
      resolution: { type: 'fixed', text: 'Release the dunning journal with Release and send.' },
    });
    expect(resolved.ok).toBe(true);

    await e2e.post(
      'interaction',
      blockActions({ actionId: ACTIONS.saveKbArticle, value: opened.id, channel: TRIAGE }),
    );
    const opening = await e2e.fake.waitFor('views.open', (c) =>
      JSON.stringify(c.args.view).includes(VIEWS.saveKbArticle),
    );
    expect(JSON.stringify(opening.args.view)).toContain('Release and send');

    const submit = () =>
      e2e.post(
        'interaction',
        viewSubmission({
          callbackId: VIEWS.saveKbArticle,
          privateMetadata: JSON.stringify({ caseId: opened.id, channel: TRIAGE }),
          values: {
            kb_title: { value: stateValue.text('Dunning letters are not sent') },
            kb_problem: {
              value: stateValue.text('Customers with overdue invoices get no letters.'),
            },
            kb_solution: {
              value: stateValue.text('Release the dunning journal with Release and send.'),
            },
            kb_keywords: { value: stateValue.text('dunning, reminders') },
            kb_visibility: { value: stateValue.select('public') },
            kb_status: { value: stateValue.select('draft') },
          },
        }),
      );
    expect((await submit()).status).toBe(200);
    const articles = await e2e.app.core.kb.articles.list();
    const saved = articles.find((a) => a.sourceCase === opened.number);
    expect(saved).toMatchObject({
      title: 'Dunning letters are not sent',
      keywords: ['dunning', 'reminders'],
      status: 'draft',
      visibility: 'public',
    });
    const revision = await e2e.app.core.kb.articles.revision();
    await submit(); // a double submit changes nothing
    expect(await e2e.app.core.kb.articles.revision()).toBe(revision);
    expect((await e2e.app.core.kb.articles.list()).length).toBe(articles.length);
  });

  it('refuses a customer pressing Save as KB article', async () => {
    const { case: opened } = await e2e.openByMessage('Invoice credit shows zero');
    await e2e.app.core.useCases.resolveCase({
      ref: { caseId: opened.id },
      actor: SYSTEM,
      resolution: { type: 'fixed', text: 'Synced the store.' },
    });
    const before = (await e2e.app.core.kb.articles.list()).length;
    await e2e.post(
      'interaction',
      blockActions({
        actionId: ACTIONS.saveKbArticle,
        value: opened.id,
        user: SLACK_CUSTOMER.userId,
        team: SLACK_CUSTOMER.teamId,
      }),
    );
    const refusal = await e2e.fake.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === SLACK_CUSTOMER.userId && /support team/i.test(String(c.args.text)),
    );
    expect(refusal).toBeDefined();
    expect((await e2e.app.core.kb.articles.list()).length).toBe(before);
  });

  it('offers suggestions only to the requester after intake; This solved it solves the case once', async () => {
    const {
      case: opened,
      channel,
      ts,
    } = await e2e.openByMessage(
      'Invoice receipts: the receipt printer shows offline and the till cannot print receipts',
    );
    const offer = await e2e.fake.waitFor(
      'chat.postEphemeral',
      (c) =>
        c.args.user === SLACK_CUSTOMER.userId &&
        String(JSON.stringify(c.args.blocks)).includes(opened.id),
    );
    expect([offer.args.channel, offer.args.thread_ts]).toEqual([channel, ts]);
    const blocks = JSON.stringify(offer.args.blocks);
    expect(blocks).toContain('Receipt printer shows as offline at the checkout');
    expect(blocks).not.toContain('Server printer not found');
    const helpfulBefore =
      (await e2e.app.core.kb.articles.get('receipt-printer-offline'))?.helpful ?? 0;
    const click = (label: string) =>
      e2e.post(
        'interaction',
        blockActions({
          actionId: ACTIONS.kbSolved,
          value: `${opened.id}|receipt-printer-offline`,
          user: SLACK_CUSTOMER.userId,
          team: SLACK_CUSTOMER.teamId,
          responseUrl: e2e.fake.responseUrl(label),
        }),
      );
    await click('kb-solved-1');
    const answer = await e2e.fake.waitFor('response_url', (c) => c.path.includes('kb-solved-1'));
    expect(String(answer.args.text)).toContain(`${opened.number} is solved`);
    await click('kb-solved-2'); // a double click
    await e2e.fake.waitFor('response_url', (c) => c.path.includes('kb-solved-2'));
    const stored = await e2e.app.core.cases.findById(opened.id);
    expect(stored?.statusCategory).toBe('solved');
    expect(stored?.resolution?.type).toBe('self-solved');
    expect((await e2e.app.core.kb.articles.get('receipt-printer-offline'))?.helpful).toBe(
      helpfulBefore + 1,
    );
  });

  it('remembers the customer’s words for the article once, however often This solved it arrives', async () => {
    const words =
      'Invoice receipts: the receipt printer shows offline, our flamingo till cannot print';
    const { case: opened } = await e2e.openByMessage(words);
    await e2e.fake.waitFor('chat.postEphemeral', (c) =>
      String(JSON.stringify(c.args.blocks)).includes(`${opened.id}|receipt-printer-offline`),
    );
    const press = (label: string) =>
      blockActions({
        actionId: ACTIONS.kbSolved,
        value: `${opened.id}|receipt-printer-offline`,
        user: SLACK_CUSTOMER.userId,
        team: SLACK_CUSTOMER.teamId,
        responseUrl: e2e.fake.responseUrl(label),
      });
    const first = press('kb-learn-1');
    expect((await e2e.post('interaction', first)).status).toBe(200);
    // Slack delivers the same press again, then the customer clicks once more.
    await e2e.post('interaction', first, { retryNum: 1, retryReason: 'http_timeout' });
    await e2e.fake.waitFor('response_url', (c) => c.path.includes('kb-learn-1'));
    await e2e.post('interaction', press('kb-learn-2'));
    await e2e.fake.waitFor('response_url', (c) => c.path.includes('kb-learn-2'));
    const stored = (await e2e.app.core.kb.evidence.changedSince(new Date(0))).filter((r) =>
      r.key.startsWith(`${opened.id}|`),
    );
    expect(stored).toEqual([
      expect.objectContaining({ slug: 'receipt-printer-offline', kind: 'solved' }),
    ]);
    expect(stored[0]?.text).toContain('flamingo');
    const learned = e2e.app.core.kb.follower.learned;
    expect(
      learned.postings(analyze('flamingo')[0] ?? '')?.get('receipt-printer-offline'),
    ).toBeCloseTo(1);
  });

  it('lets an agent resolve citing a suggested article, and learns from it once', async () => {
    const { case: opened } = await e2e.openByMessage(
      'Invoice receipts: receipt printer offline, the pelican till cannot print receipts',
    );
    await e2e.post(
      'interaction',
      blockActions({
        actionId: SLACK_CASE_ACTIONS.resolve,
        value: opened.id,
        channel: TRIAGE,
      }),
    );
    const opening = await e2e.fake.waitFor(
      'views.open',
      (c) =>
        JSON.stringify(c.args.view).includes(VIEWS.resolve) &&
        JSON.stringify(c.args.view).includes(opened.id),
    );
    const form = JSON.stringify(opening.args.view);
    expect(form).toContain(INPUTS.citedArticle.block);
    expect(form).toContain('"value":"receipt-printer-offline"');
    const submit = () =>
      e2e.post(
        'interaction',
        viewSubmission({
          callbackId: VIEWS.resolve,
          privateMetadata: JSON.stringify({ caseId: opened.id, channel: TRIAGE }),
          values: {
            [INPUTS.resolutionType.block]: { value: stateValue.select('fixed') },
            [INPUTS.resolutionText.block]: { value: stateValue.text('Reinstalled the driver.') },
            [INPUTS.citedArticle.block]: { value: stateValue.select('receipt-printer-offline') },
          },
        }),
      );
    expect((await submit()).status).toBe(200);
    await submit(); // a double submit
    const stored = await e2e.app.core.cases.findById(opened.id);
    expect(stored?.resolution).toMatchObject({ type: 'fixed', article: 'receipt-printer-offline' });
    const evidence = (await e2e.app.core.kb.evidence.changedSince(new Date(0))).filter((r) =>
      r.key.startsWith(`${opened.id}|`),
    );
    expect(evidence.map((r) => [r.slug, r.kind])).toEqual([['receipt-printer-offline', 'cited']]);
    expect(evidence[0]?.text).toContain('pelican');
  });

  it('counts Still need help as not helpful and leaves the case with the agents', async () => {
    const { case: opened } = await e2e.openByMessage(
      'Invoice slips: receipt printer offline, the till cannot print receipts again',
    );
    await e2e.fake.waitFor('chat.postEphemeral', (c) =>
      String(JSON.stringify(c.args.blocks)).includes(`${opened.id}|receipt-printer-offline`),
    );
    const before = (await e2e.app.core.kb.articles.get('receipt-printer-offline'))?.notHelpful ?? 0;
    await e2e.post(
      'interaction',
      blockActions({
        actionId: ACTIONS.kbNeedHelp,
        value: `${opened.id}|receipt-printer-offline`,
        user: SLACK_CUSTOMER.userId,
        team: SLACK_CUSTOMER.teamId,
        responseUrl: e2e.fake.responseUrl('kb-need-help'),
      }),
    );
    const answer = await e2e.fake.waitFor('response_url', (c) => c.path.includes('kb-need-help'));
    expect(String(answer.args.text)).toMatch(/agent will pick up/);
    expect((await e2e.app.core.kb.articles.get('receipt-printer-offline'))?.notHelpful).toBe(
      before + 1,
    );
    expect((await e2e.app.core.cases.findById(opened.id))?.statusCategory).toBe('new');
  });
});
