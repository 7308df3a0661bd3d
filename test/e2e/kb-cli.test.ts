import { mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cliDatabase, runCaseline } from '../support/cli.js';

const root = process.cwd();
const database = cliDatabase('kbcli');
const EVAL_ARTICLES = resolve(root, 'test/fixtures/kb-eval/articles');

const caseline = (args: string[], input = '') => runCaseline(database, args, input);

describe('caseline kb', () => {
  it('imports a folder, and importing it again changes nothing', async () => {
    const first = await caseline(['kb', 'import', EVAL_ARTICLES]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/64 article\(s\): 64 created, 0 updated, 0 unchanged/);
    const again = await caseline(['kb', 'import', EVAL_ARTICLES]);
    expect(again.stdout).toMatch(/0 created, 0 updated, 64 unchanged/);
  });

  it('refuses a folder with an invalid file, names the problem, and imports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseline-kb-'));
    writeFileSync(
      join(dir, 'good-one.md'),
      '---\ntitle: A good article about widgets\nstatus: published\nvisibility: public\n---\n## Problem\nWidgets wobble.\n## Solution\nTighten.\n',
    );
    writeFileSync(join(dir, 'bad-one.md'), '---\ntitle: Broken\nvisibility: secret\n---\n');
    const result = await caseline(['kb', 'import', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad-one\.md: visibility/);
    expect(result.stderr).toMatch(/bad-one\.md: solution/);
    const search = await caseline(['kb', 'search', 'widgets wobble', '--json']);
    expect(JSON.parse(search.stdout)).toEqual([]);
  });

  it('searches with ranked slugs, titles, confidence and the words matched, and filters by product', async () => {
    const result = await caseline(['kb', 'search', 'recipt printer offline at the til']);
    expect(result.stdout.split('\n')[0]).toMatch(
      /^1\. pos-receipt-printer-offline {2}Receipt printer shows as offline at the checkout {2}\(confidence \d+%; matched: recipt, printer, offline\)$/,
    );
    const filtered = await caseline([
      'kb',
      'search',
      'printer',
      '--product',
      'ledgerline-erp',
      '--json',
    ]);
    const slugs = (JSON.parse(filtered.stdout) as { slug: string }[]).map((hit) => hit.slug);
    expect(slugs).toContain('printer-not-found-server');
    expect(slugs).not.toContain('pos-receipt-printer-offline');
  });

  it('answers one JSON line per line read from standard input, a bad line with an error', async () => {
    const long = `till ${'x'.repeat(1_200)}`;
    const result = await caseline(
      ['kb', 'search', '-', '--limit', '3'],
      `bank refuses our sepa file\n\n${long}\nuser locked out after wrong password\n`,
    );
    const lines = result.stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            line: number;
            query: string;
            articles?: { slug: string; title: string; score: number; confidence: number }[];
            error?: { code: string; message: string };
          },
      );
    expect(lines.map((line) => line.line)).toEqual([1, 2, 3, 4]);
    expect(lines[0]!.articles![0]!.slug).toBe('sepa-xml-rejected-by-bank');
    expect(lines[0]!.articles![0]!.confidence).toBeGreaterThan(0);
    expect(lines[0]!.articles![0]!.confidence).toBeLessThanOrEqual(1);
    expect(lines[1]!.error).toEqual({ code: 'invalid-input', message: expect.any(String) });
    // The error names the line and quotes the start of what was on it, not all of it.
    expect(lines[2]!.error?.code).toBe('invalid-input');
    expect(lines[2]!.query).toMatch(/^till x+… \(1205 characters\)$/);
    expect(result.stdout).not.toContain('x'.repeat(100));
    // The batch went on past both.
    expect(lines[3]!.query).toBe('user locked out after wrong password');
    expect(lines[3]!.articles![0]!.slug).toBe('login-account-locked');
    expect(lines[3]!.articles!.length).toBeLessThanOrEqual(3);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2 of 4 line(s) not searched');
  });

  it('hides internal articles from the customer view', async () => {
    const staff = await caseline([
      'kb',
      'search',
      'copy production data to a test system',
      '--json',
    ]);
    const customer = await caseline([
      'kb',
      'search',
      'copy production data to a test system',
      '--as-customer',
      '--json',
    ]);
    const slugsOf = (out: string) => (JSON.parse(out) as { slug: string }[]).map((hit) => hit.slug);
    expect(slugsOf(staff.stdout)[0]).toBe('backup-restore-test-system');
    expect(slugsOf(customer.stdout)).not.toContain('backup-restore-test-system');
  });

  it('exports every article as Markdown that imports back unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseline-kb-export-'));
    const exported = await caseline(['kb', 'export', dir]);
    expect(exported.stdout).toMatch(/64 article\(s\) written/);
    expect(readdirSync(dir)).toHaveLength(64);
    expect(readFileSync(join(dir, 'sepa-xml-rejected-by-bank.md'), 'utf8')).toContain(
      '## Solution',
    );
    const copy = mkdtempSync(join(tmpdir(), 'caseline-kb-reimport-'));
    cpSync(dir, copy, { recursive: true });
    const again = await caseline(['kb', 'import', copy]);
    expect(again.stdout).toMatch(/0 created, 0 updated, 64 unchanged/);
  });
});
