/**
 * The playground in a real browser: Debian's Chromium driven by playwright-core against
 * the running app with no chat credentials. A customer opens a case in Web Chat, an agent
 * claims it from the desk channel, and the customer's card changes.
 *
 * docs/playground.png is this first test's last screen:
 * `PLAYGROUND_SCREENSHOT=docs/playground.png NODE_OPTIONS=--experimental-vm-modules npx jest test/e2e/playground.test.ts`
 */
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve, type RunningApp } from '../../src/main.js';
import { testConfigFile } from '../support/test-config.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CUSTOMER = 'grace.okafor@harborfoods.example';
const AGENT = 'tomas.herrera@ledgerline.example';
// The size the README's screenshot is taken at, and the panels must hold their cards at.
const VIEWPORT = { width: 1280, height: 800 };

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await serve({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      MONGODB_URI: `${process.env.MONGODB_URI!.replace(/\/?$/, '/')}caseline_playground_${randomUUID().slice(0, 8)}`,
      CASELINE_CONFIG: testConfigFile(),
    },
    cwd: process.cwd(),
    importExamplesFrom: 'examples',
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  page = await browser.newPage({ viewport: VIEWPORT });
});

afterAll(async () => {
  await browser?.close();
  await app?.shutdown('test over');
});

const pane = (name: 'customer' | 'desk') => page.locator(`#${name}-chat`);

/**
 * What is drawn past its panel: card parts beyond its sides, the panel beyond the window,
 * content beyond the panel (none, when everything fits).
 */
const spills = (name: 'customer' | 'desk') =>
  pane(name).evaluate((chat) => {
    const section = chat.closest('section')!;
    const panel = section.getBoundingClientRect();
    const windowHeight = chat.ownerDocument.documentElement.clientHeight;
    const drawn = [...chat.querySelectorAll('.ac-adaptiveCard, .ac-adaptiveCard *')]
      .map((part) => part.getBoundingClientRect())
      .filter((box) => box.width > 0);
    const parts = drawn
      .filter((box) => box.left < panel.left - 0.5 || box.right > panel.right + 0.5)
      .map((box) => `card part ${Math.round(box.left)}–${Math.round(box.right)}`);
    return [
      ...(drawn.length === 0 ? ['no card drawn'] : []),
      ...parts.slice(0, 3),
      ...(panel.bottom > windowHeight ? [`panel ends ${panel.bottom} below the window`] : []),
      ...(section.scrollWidth > section.clientWidth ? ['panel scrolls sideways'] : []),
      ...(section.scrollHeight > section.clientHeight
        ? ['panel content taller than the panel']
        : []),
    ];
  });

describe('playground', () => {
  it('a customer opens a case, an agent claims it, and the customer sees the card change', async () => {
    await page.goto(`http://127.0.0.1:${app.port}/`);
    await page.selectOption('#customer-person', CUSTOMER);
    await page.click('#customer-start');
    const customerBox = pane('customer').getByRole('textbox');
    await customerBox.fill('The till in store 4 prints blank receipts');
    await customerBox.press('Enter');
    const customerCard = pane('customer').locator('.ac-adaptiveCard').filter({ hasText: 'CASE-' });
    await customerCard.getByText('Waiting for an agent').waitFor({ timeout: 20_000 });
    await expect(pane('customer').getByRole('button', { name: 'Claim' }).count()).resolves.toBe(0);

    await page.selectOption('#desk-person', AGENT);
    await page.click('#desk-start');
    const claim = pane('desk').getByRole('button', { name: 'Claim' }).first();
    await claim.waitFor({ timeout: 20_000 });
    await claim.click();

    await pane('customer').getByText('Tomás Herrera is on it').first().waitFor({ timeout: 20_000 });
    await pane('desk').getByText('Tomás Herrera').first().waitFor({ timeout: 20_000 });
    // Claimed: the desk card leads with Reply, and every card stays inside its panel.
    await pane('desk').getByRole('button', { name: 'Reply to customer' }).first().waitFor();
    expect(await spills('customer')).toEqual([]);
    expect(await spills('desk')).toEqual([]);
    const cases = await app.core.cases.list({ limit: 10 });
    expect(cases).toHaveLength(1);
    const stored = await app.core.cases.findById(cases[0]!.id);
    expect(stored?.assigneeName).toBe('Tomás Herrera');
    if (process.env.PLAYGROUND_SCREENSHOT)
      await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT, fullPage: false });
  });

  it('a customer sees a KB suggestion at intake and This solved it solves the case', async () => {
    const saved = await app.core.kb.useCases.saveKbArticle({
      actor: { kind: 'system', name: 'playground test' },
      article: {
        slug: 'scanner-double-beep',
        title: 'The scanner beeps twice on every item',
        problem: 'The barcode scanner beeps twice and adds every item twice.',
        solution: 'Turn off "Duplicate read" in the scanner profile and scan the reset code.',
        keywords: ['scanner', 'beep'],
        products: [],
        docLinks: [],
        visibility: 'public',
        status: 'published',
      },
    });
    expect(saved.ok).toBe(true);
    const kbPage = await browser.newPage({ viewport: VIEWPORT });
    await kbPage.goto(`http://127.0.0.1:${app.port}/`);
    await kbPage.selectOption('#customer-person', 'liam.byrne@harborfoods.example');
    await kbPage.click('#customer-start');
    const chat = kbPage.locator('#customer-chat');
    const box = chat.getByRole('textbox');
    await box.fill('The barcode scanner beeps twice on every item and adds it twice');
    await box.press('Enter');
    await chat
      .getByText('The scanner beeps twice on every item')
      .first()
      .waitFor({ timeout: 20_000 });
    const solvedIt = chat.getByRole('button', { name: 'This solved it' }).first();
    await solvedIt.waitFor({ timeout: 20_000 });
    await solvedIt.click();
    await chat
      .getByText(/is solved\. Reopen it any time/)
      .first()
      .waitFor({ timeout: 20_000 });
    const opened = (await app.core.cases.list({ limit: 10 })).find((c) =>
      c.title.startsWith('The barcode scanner'),
    );
    const stored = await app.core.cases.findById(opened!.id);
    expect(stored?.statusCategory).toBe('solved');
    expect(stored?.resolution?.type).toBe('self-solved');
    expect((await app.core.kb.articles.get('scanner-double-beep'))?.helpful).toBe(1);
    // The customer's case card shows the solution the article gave.
    await chat.getByText('Solution (Solved by the customer)').first().waitFor({ timeout: 20_000 });
    await kbPage.close();
  });

  it('an agent opens a case for a customer who phoned, from the desk channel', async () => {
    const deskPage = await browser.newPage({ viewport: VIEWPORT });
    await deskPage.goto(`http://127.0.0.1:${app.port}/`);
    await deskPage.selectOption('#desk-person', AGENT);
    await deskPage.click('#desk-start');
    const desk = deskPage.locator('#desk-chat');
    const box = desk.getByRole('textbox').last();
    await box.fill('new case for liam.byrne@harborfoods.example');
    await box.press('Enter');
    await desk.getByText('Open a case for a customer').waitFor({ timeout: 20_000 });
    const form = desk.locator('.ac-adaptiveCard').filter({ hasText: 'Open a case for a customer' });
    await form.getByLabel('Title').fill('Store 3 labels print in the wrong currency');
    await form.getByRole('button', { name: 'Open case' }).click();
    await desk
      .getByText(/is open for Liam Byrne/)
      .first()
      .waitFor({ timeout: 20_000 });
    const opened = (await app.core.cases.list({ limit: 20 })).find((c) =>
      c.title.startsWith('Store 3 labels'),
    );
    const stored = await app.core.cases.findById(opened!.id);
    const liam = await app.core.directory.findContactByEmail('liam.byrne@harborfoods.example');
    expect(stored?.contactId).toBe(liam?.id);
    expect(stored?.origin.channel).toBe('phone');
    await deskPage.close();
  });
});
