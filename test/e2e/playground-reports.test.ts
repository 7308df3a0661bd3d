/**
 * Report cards in the playground, in Chromium: a lead types `report workload` in the desk
 * channel and Web Chat draws the same Adaptive Card as Teams, its figures and its table.
 */
import { randomUUID } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { serve, type RunningApp } from '../../src/main.js';
import { testConfigFile } from '../support/test-config.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LEAD = 'lena.vogt@ledgerline.example';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await serve({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      MONGODB_URI: `${process.env.MONGODB_URI!.replace(/\/?$/, '/')}caseline_playground_reports_${randomUUID().slice(0, 8)}`,
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
});

afterAll(async () => {
  await browser?.close();
  await app?.shutdown('test over');
});

it('draws a lead’s workload report card in the desk channel', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${app.port}/`);
  await page.selectOption('#desk-person', LEAD);
  await page.click('#desk-start');
  const desk = page.locator('#desk-chat');
  const box = desk.getByRole('textbox').last();
  await box.fill('report workload');
  await box.press('Enter');
  const card = desk.locator('.ac-adaptiveCard').filter({ hasText: 'Open cases now, per agent' });
  await card.waitFor({ timeout: 20_000 });
  await card.getByText('By agent, busiest first').waitFor();
  // The table's rows, one per agent, drawn as a table.
  expect(await card.getByRole('cell', { name: 'Tomás Herrera' }).count()).toBe(1);
  if (process.env.PLAYGROUND_REPORT_SCREENSHOT)
    await page.screenshot({ path: process.env.PLAYGROUND_REPORT_SCREENSHOT });
  await page.close();
});
