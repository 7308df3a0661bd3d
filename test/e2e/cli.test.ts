import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliDatabase, importExamples, runCaseline } from '../support/cli.js';

const database = cliDatabase('cli');

/** Runs the real `caseline` CLI: its output on success, output and errors on failure. */
const caseline = (...args: string[]) =>
  runCaseline(database, args).then(({ code, stdout, stderr }) => ({
    code,
    stdout: code === 0 ? stdout : stdout + stderr,
  }));

describe('the caseline CLI', () => {
  it('imports the examples in order, and a second import changes nothing', async () => {
    // Each import must succeed (a failing one throws with what the CLI said).
    await importExamples(database);
    const again = await caseline('import', 'contacts', 'examples/contacts.csv');
    expect(again.stdout).toMatch(/0 inserted, 0 updated, \d+ unchanged/);
  });

  it('refuses a file with a bad row, names it, and imports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseline-cli-'));
    const file = join(dir, 'organizations.csv');
    writeFileSync(file, 'key,name\nfresh-org,Fresh Org\nBad Key!,Broken\n');
    const result = await caseline('import', 'organizations', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/row 2/i);
    expect(result.stdout).toMatch(/key/);
    const list = await caseline('cases', 'list', '--org', 'fresh-org');
    expect(list.stdout).toContain('No cases match.');
  });

  it('opens a case for a caller, lists it, and shows its history', async () => {
    const opened = await caseline(
      'case',
      'open',
      '--contact',
      'anna.schmidt@northwind-logistics.example',
      '--title',
      'Invoice export fails',
      '--support-key',
      'NWL-ERP-7Q4M-2KXD',
      '--module',
      'General Ledger',
      '--channel',
      'phone',
    );
    expect(opened.stdout).toMatch(/^Opened (CASE-\d+) in queue erp-finance/);
    const number = /CASE-\d+/.exec(opened.stdout)![0];
    const list = await caseline('cases', 'list', '--queue', 'erp-finance');
    expect(list.stdout).toContain(number);
    const shown = await caseline('case', 'show', number);
    expect(shown.stdout).toContain('opened: Invoice export fails');
    expect(shown.stdout).toMatch(/\[internal\] queue-changed: Routed to erp-finance/);
    expect(shown.stdout).toContain('Access notes (agents only): VPN: FortiClient');
    const json = JSON.parse((await caseline('case', 'show', number, '--json')).stdout) as {
      number: string;
    };
    expect(json.number).toBe(number);
  });

  it('says how many of how many a list shows, and takes --limit', async () => {
    await caseline(
      'case',
      'open',
      '--contact',
      'anna.schmidt@northwind-logistics.example',
      '--title',
      'Payment run stuck',
      '--channel',
      'phone',
    );
    const cut = await caseline('cases', 'list', '--limit', '1');
    expect(cut.code).toBe(0);
    expect(cut.stdout).toMatch(/\nShowing 1 of (\d+) cases; --limit \1 shows more\n$/);
    const whole = JSON.parse((await caseline('cases', 'list', '--json')).stdout) as {
      cases: unknown[];
      total: number;
    };
    expect(whole.total).toBeGreaterThanOrEqual(2);
    expect(whole.cases).toHaveLength(whole.total);
    const refused = await caseline('cases', 'list', '--limit', '5000');
    expect(refused).toEqual({
      code: 1,
      stdout: '--limit takes a whole number from 1 to 1000, not "5000".\n',
    });
  });

  it('refuses an unknown status and names the valid ones; takes a status name or a category', async () => {
    const bogus = await caseline('cases', 'list', '--status', 'bogus');
    expect(bogus.code).toBe(1);
    expect(bogus.stdout).toBe(
      'There is no status “bogus”. Statuses: new, on-hand, waiting-on-customer, solved, closed; ' +
        'or a category: new, open, pending-customer, solved, closed.\n',
    );
    const byName = await caseline('cases', 'list', '--status', 'New');
    expect(byName.stdout).toMatch(/^CASE +PRIORITY +STATUS/);
    expect(byName.stdout).toContain(' new ');
    const byCategory = await caseline('cases', 'list', '--status', 'open');
    expect(byCategory).toEqual({ code: 0, stdout: 'No cases match.\n' });
  });

  it('says which case does not exist', async () => {
    const result = await caseline('case', 'show', 'CASE-999999');
    expect(result).toMatchObject({ code: 1, stdout: expect.stringContaining('No such case.') });
  });
});
