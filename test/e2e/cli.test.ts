import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = process.cwd();
const database = `${process.env.MONGODB_URI!.replace(/\/?$/, '/')}caseline_cli_${randomUUID().slice(0, 8)}`;

/** Runs the real `caseline` CLI (TypeScript through tsx) against this test's database. */
const caseline = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', resolve(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      MONGODB_URI: database,
      CASELINE_CONFIG: 'caseline.example.yaml',
      LOG_LEVEL: 'error',
    },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout + error.stderr,
    }),
  );

describe('the caseline CLI', () => {
  it('imports the examples in order, and a second import changes nothing', async () => {
    for (const [kind, file] of [
      ['organizations', 'organizations.csv'],
      ['products', 'products.json'],
      ['queues', 'queues.json'],
      ['agents', 'agents.csv'],
      ['contacts', 'contacts.csv'],
      ['installations', 'installations.csv'],
      ['contracts', 'contracts.json'],
    ] as const) {
      const first = await caseline('import', kind, join('examples', file));
      expect(first.code).toBe(0);
    }
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

  it('says which case does not exist', async () => {
    const result = await caseline('case', 'show', 'CASE-999999');
    expect(result).toMatchObject({ code: 1, stdout: expect.stringContaining('No such case.') });
  });
});
