/**
 * `/support report [sla|backlog|csat|workload] [--days N]` over signed HTTP: a lead gets an
 * ephemeral card with the key figures; a plain agent and a customer are refused, and why.
 */
import { SLACK_HOME, slashCommand } from '../support/slack/payloads.js';
import { useSlackE2E } from '../support/slack/e2e.js';

// examples/agents.csv: Lena Vogt is a lead, Priya Raman an admin, Tomás Herrera an agent.
const LENA = { user: 'U06LVOGT01', userName: 'lena.vogt', team: SLACK_HOME.teamId };
const PRIYA = { user: 'U06PRAMAN1', userName: 'priya.raman', team: SLACK_HOME.teamId };
const TOMAS = { user: 'U06THERR01', userName: 'tomas.herrera', team: SLACK_HOME.teamId };

describe('Caseline in Slack: reports in chat', () => {
  const e2e = useSlackE2E();
  let asked = 0;

  const command = async (text: string, who: Record<string, string>) => {
    const key = `report-${(asked += 1)}`;
    await e2e.post(
      'command',
      slashCommand({ ...who, text, responseUrl: e2e.fake.responseUrl(key) }),
    );
    const answer = await e2e.fake.waitFor('response_url', (c) => c.path.includes(key));
    expect(answer.args.response_type).toBe('ephemeral');
    return { text: String(answer.args.text), blocks: JSON.stringify(answer.args.blocks ?? []) };
  };

  beforeAll(async () => {
    await e2e.openByMessage('Invoice export to DATEV fails with a timeout');
    await e2e.openByMessage('Invoice PDF shows no logo since the update');
  });

  it('gives a lead the backlog: open cases by status and age', async () => {
    const { text, blocks } = await command('report backlog', LENA);
    expect(text).toContain('Backlog');
    expect(blocks).toContain('"type":"header"');
    expect(blocks).toContain('*Open*\\n2');
    expect(blocks).toContain('*under 1 day*\\n2');
    expect(blocks).toMatch(/By status\*\\n```Status +Open/);
  });

  it('gives a lead SLA attainment over the days asked for', async () => {
    const { blocks } = await command('report sla --days 7', LENA);
    expect(blocks).toContain('SLA attainment');
    expect(blocks).toContain('Cases opened in the last 7 days, or still open');
    expect(blocks).toContain('*Cases*\\n2');
    expect(blocks).toContain('*First response*');
  });

  it('gives an admin CSAT and workload', async () => {
    const csat = await command('report csat', PRIYA);
    expect(csat.blocks).toContain('Answers of the last 30 days');
    expect(csat.blocks).toContain('No satisfaction answers in the last 30 days.');
    const workload = await command('report workload', PRIYA);
    expect(workload.blocks).toContain('*Unassigned*\\n2');
    expect(workload.blocks).toContain('Tomás Herrera');
  });

  it('names the reports when the words are not one', async () => {
    const { text } = await command('report nps', LENA);
    expect(text).toContain('Reports: sla, backlog, csat, workload');
  });

  it('refuses a plain agent and a customer, saying who reports are for', async () => {
    expect((await command('report backlog', TOMAS)).text).toContain(
      'Reports are for leads and admins',
    );
    expect((await command('report sla', {})).text).toContain(
      'Reports are for the support desk’s leads and admins',
    );
  });
});
