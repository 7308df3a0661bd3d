import { caselineOrFail, cliDatabase, importExamples } from '../support/cli.js';

const database = cliDatabase('kbreport');

const caseline = (...args: string[]) => caselineOrFail(database, args);

describe('caseline report recurring', () => {
  // A dozen CLI runs, each a process of its own: the bound guards against hangs, not speed.
  it('lists look-alike cases as a group, largest first, with the article that answers them', async () => {
    await importExamples(database, ['organizations', 'products', 'queues', 'agents', 'contacts']);
    await caseline('kb', 'import', 'test/fixtures/kb-eval/articles');
    const contact = 'anna.schmidt@northwind-logistics.example';
    const numbers: string[] = [];
    for (const title of [
      'Bank rejects our SEPA payment file',
      'SEPA XML refused by the bank portal',
      'Receipt printer offline at the till',
    ]) {
      const opened = await caseline(
        'case',
        'open',
        '--contact',
        contact,
        '--title',
        title,
        '--channel',
        'phone',
      );
      numbers.push(/CASE-\d+/.exec(opened.stdout)![0]);
    }
    const report = await caseline('report', 'recurring', '--days', '7', '--json');
    const groups = JSON.parse(report.stdout) as {
      articleSlug?: string;
      cases: { number: string }[];
    }[];
    expect(groups).toHaveLength(1);
    expect(groups[0]!.articleSlug).toBe('sepa-xml-rejected-by-bank');
    expect(groups[0]!.cases.map((c) => c.number).sort()).toEqual(numbers.slice(0, 2).sort());
    const text = await caseline('report', 'recurring');
    expect(text.stdout).toMatch(/^2 cases · KB: sepa-xml-rejected-by-bank\n {2}CASE-\d+ {2}/);
  }, 180_000);
});

describe('caseline report sla', () => {
  it('reports the example desk’s first-response promises (after the cases above), as JSON and text', async () => {
    const report = await caseline('report', 'sla', '--days', '7', '--json');
    const value = JSON.parse(report.stdout) as {
      cases: number;
      clocks: { firstResponse: { met: number; breached: number; running: number; paused: number } };
      byOrganization: { name: string }[];
    };
    // Three cases opened a moment ago, none answered: every first response is still owed.
    expect(value.cases).toBe(3);
    const first = value.clocks.firstResponse;
    expect([first.met, first.breached, first.running + first.paused]).toEqual([0, 0, 3]);
    expect(value.byOrganization.map((group) => group.name)).toEqual(['Northwind Logistics GmbH']);
    const text = await caseline('report', 'sla');
    expect(text.stdout).toMatch(
      /^SLA compliance: 3 cases \(opened in the last 30 days, or open\)\n {2}First response +— {2}kept 0, broken 0,/,
    );
  });
});
