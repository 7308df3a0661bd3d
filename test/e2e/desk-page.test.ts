/**
 * The desk page in a real browser: Debian's Chromium driven by playwright-core. A lead asks
 * for a link with a signed `/support desk` request, opens it, signs in, sees the lists and a
 * case's whole history (the internal note too); a used link and an expired one are refused,
 * and a customer or a plain agent gets no link at all.
 *
 * docs/desk.png is the list page of the first test:
 * `DESK_SCREENSHOT=docs/desk.png NODE_OPTIONS=--experimental-vm-modules npx jest test/e2e/desk-page.test.ts`
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { MongoDeskLinks } from '../../src/store/desk/mongo-desk-links.js';
import { messageEvent, SLACK_HOME, slashCommand } from '../support/slack/payloads.js';
import { eventually, useSlackE2E } from '../support/slack/e2e.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LENA = { user: 'U06LVOGT01', userName: 'lena.vogt', team: SLACK_HOME.teamId };
const TOMAS = { user: 'U06THERR01', userName: 'tomas.herrera', team: SLACK_HOME.teamId };
const LINK = /<(http:\/\/[^|>]+)\|Open the desk page>/;

const e2e = useSlackE2E();
let browser: Browser;
let context: BrowserContext;
let page: Page;
let asked = 0;

/** The ephemeral answer to `/support desk` from this person. */
const askForLink = async (who: Record<string, string>) => {
  const key = `desk-${(asked += 1)}`;
  await e2e.post(
    'command',
    slashCommand({ ...who, text: 'desk', responseUrl: e2e.fake.responseUrl(key) }),
  );
  const answer = await e2e.fake.waitFor('response_url', (c) => c.path.includes(key));
  expect(answer.args.response_type).toBe('ephemeral');
  expect(answer.args.unfurl_links).toBe(false);
  return String(answer.args.text);
};

const linkFor = async (who: Record<string, string>) => {
  const found = LINK.exec(await askForLink(who));
  if (!found) throw new Error('no desk link in the answer');
  return found[1]!;
};

beforeAll(async () => {
  const invoice = await e2e.openByMessage('Invoice export to DATEV fails with a timeout');
  await e2e.openByMessage('Invoice <b>PDF</b> shows no logo since the update');
  await e2e.openByMessage('The invoice run sent the November invoices twice');
  // Routed to the general queue (openByMessage waits on ERP Finance's channel).
  await e2e.post(
    'event',
    messageEvent({
      text: 'The till in store 4 prints blank receipts',
      channel: 'D0TESTTILL',
      channelType: 'im',
    }),
  );
  await eventually(async () => ((await e2e.caseCount()) === 4 ? true : undefined));
  const staff = async (user: string) => {
    const agent = (await e2e.app.core.directory.findAgentBySlackUser(user))!;
    return { kind: 'staff', agentId: agent.id, role: agent.roles[0]!, name: agent.name } as const;
  };
  const { useCases } = e2e.app.core;
  expect(
    await useCases.addInternalNote({
      ref: { caseNumber: invoice.case.number },
      actor: await staff(LENA.user),
      text: 'Timeout is the DATEV gateway, not us: ticket 4711 with their support.',
    }),
  ).toMatchObject({ ok: true });
  // Some variety for the lists: one case owned, one urgent.
  const tomas = await staff(TOMAS.user);
  expect(
    await useCases.claimCase({ ref: { caseNumber: 'CASE-1003' }, actor: tomas }),
  ).toMatchObject({ ok: true });
  expect(
    await useCases.setCasePriority({
      ref: { caseNumber: 'CASE-1004' },
      actor: tomas,
      priority: 'urgent',
    }),
  ).toMatchObject({ ok: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('the desk page', () => {
  it('signs a lead in with the link from Slack and shows the lists and a case history', async () => {
    const link = await linkFor(LENA);
    expect(link).toContain(`http://127.0.0.1:${e2e.app.port}/desk/sign-in/`);
    await page.goto(link);
    await page.getByText('This link signs you in as Lena Vogt').waitFor();
    await page.getByRole('button', { name: 'Open the desk' }).click();
    await page.waitForURL(`http://127.0.0.1:${e2e.app.port}/desk`);
    await page.getByRole('heading', { name: 'Cases still being worked on' }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'caseline_desk');
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/desk',
      secure: false,
    });

    // The week's charts, drawn on the server, shown inline (the CSP allows data: images).
    const charts = page.locator('#desk-charts img');
    expect(await charts.count()).toBe(2);
    for (const chart of await charts.all()) {
      expect(
        await chart.evaluate(
          (img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth,
        ),
      ).toBe(1280);
    }
    expect(await charts.first().getAttribute('alt')).toMatch(/intake|solved/i);

    // By status (the default), then by queue through its tab, then narrowed to a queue.
    expect(await page.locator('table tbody tr').count()).toBe(4);
    // A title written by a customer is shown as text, never as markup.
    await page.getByText('Invoice <b>PDF</b> shows no logo since the update').waitFor();
    await page.getByRole('link', { name: 'Queue', exact: true }).click();
    await page.getByRole('heading', { name: /ERP Finance/ }).waitFor();
    await page.locator('[data-filter="organization"] a').first().click();
    await page.getByRole('heading', { name: /organization Northwind Logistics/ }).waitFor();
    if (process.env.DESK_SCREENSHOT)
      await page.screenshot({ path: process.env.DESK_SCREENSHOT, fullPage: false });

    await page.getByRole('link', { name: 'CASE-1001' }).click();
    await page.getByRole('heading', { name: /CASE-1001 Invoice export to DATEV/ }).waitFor();
    const note = page.locator('.history li.internal').filter({ hasText: 'ticket 4711' });
    await note.waitFor();
    expect(await note.textContent()).toContain('internal');
    expect(await page.locator('.history li').count()).toBeGreaterThan(1);

    // The same report cards as in chat.
    await page.getByRole('link', { name: 'Backlog', exact: true }).click();
    await page.getByRole('heading', { name: 'Backlog' }).waitFor();
    expect(await page.locator('.figures div').first().textContent()).toBe('Open4');
  });

  it('refuses a link a second time', async () => {
    const link = await linkFor(LENA);
    const other = await browser.newContext();
    const first = await other.newPage();
    await first.goto(link);
    await first.getByRole('button', { name: 'Open the desk' }).click();
    await first.waitForURL(/\/desk$/);
    await other.close();

    const fresh = await browser.newContext();
    const again = await fresh.newPage();
    const answer = await again.goto(link);
    expect(answer?.status()).toBe(410);
    await again.getByText('This sign-in link has been used already').waitFor();
    // Nor does it sign in when the form is sent again by hand.
    const posted = await again.request.post(`http://127.0.0.1:${e2e.app.port}/desk/sign-in`, {
      form: { token: link.split('/').pop()! },
    });
    expect(posted.status()).toBe(410);
    expect(await fresh.cookies()).toEqual([]);
    const desk = await again.goto(`http://127.0.0.1:${e2e.app.port}/desk`);
    expect(desk?.status()).toBe(401);
    await fresh.close();
  });

  it('refuses an expired link', async () => {
    const lena = await e2e.app.core.directory.findAgentBySlackUser(LENA.user);
    const longAgo = new Date(Date.now() - 11 * 60_000);
    const token = await new MongoDeskLinks(e2e.app.core.connection).issue(
      lena!.id,
      longAgo,
      new Date(longAgo.getTime() + 10 * 60_000),
    );
    const fresh = await browser.newContext();
    const tab = await fresh.newPage();
    const answer = await tab.goto(`http://127.0.0.1:${e2e.app.port}/desk/sign-in/${token}`);
    expect(answer?.status()).toBe(410);
    await tab.getByText('This sign-in link has expired').waitFor();
    await fresh.close();
  });

  it('gives a customer and a plain agent no link', async () => {
    const customer = await askForLink({});
    expect(customer).toContain('The desk page is for the support desk’s leads and admins');
    expect(customer).not.toContain('/desk/sign-in/');
    const agent = await askForLink(TOMAS);
    expect(agent).toContain('The desk page is for leads and admins');
    expect(agent).not.toContain('/desk/sign-in/');
  });
});
