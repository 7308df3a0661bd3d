/**
 * `/support away [until DATE]` and `/support back` over signed HTTP: the answer is
 * ephemeral, the status is stored, and App Home says who in each queue is available.
 * `/support rota` shows whose turn it is; the change of duty is posted once to the queue.
 */
import { setRota, triggerDailyJob } from '../support/rota.js';
import { MongoAgentStatus } from '../../src/store/agents/mongo-agent-status.js';
import { appHomeOpenedEvent, SLACK_HOME, slashCommand } from '../support/slack/payloads.js';
import { eventually, useSlackE2E } from '../support/slack/e2e.js';

// Tomás Herrera (examples/agents.csv) works the retail and general queues, without hours.
const TOMAS = { user: 'U06THERR01', userName: 'tomas.herrera', team: SLACK_HOME.teamId };

describe('Caseline in Slack: away and back', () => {
  const e2e = useSlackE2E();

  const command = async (text: string, who: Record<string, string> = TOMAS) => {
    const key = `avail-${Math.random().toString(36).slice(2, 10)}`;
    await e2e.post(
      'command',
      slashCommand({ ...who, text, responseUrl: e2e.fake.responseUrl(key) }),
    );
    const answer = await e2e.fake.waitFor('response_url', (c) => c.path.includes(key));
    expect(answer.args.response_type).toBe('ephemeral');
    return String(answer.args.text);
  };
  const stored = async () => {
    const agent = await e2e.app.core.directory.findAgentBySlackUser(TOMAS.user);
    const statuses = new MongoAgentStatus(e2e.app.core.connection, async () => new Map());
    return (await statuses.statusesOf([agent!.id])).get(agent!.id);
  };
  const homeSaying = async (words: string) => {
    await e2e.post('event', appHomeOpenedEvent({ user: TOMAS.user }));
    const home = await e2e.fake.waitFor(
      'views.publish',
      (c) => c.args.user_id === TOMAS.user && JSON.stringify(c.args.view).includes(words),
    );
    return JSON.stringify(home.args.view);
  };

  it('sets an agent away until a date, shows it on App Home, and back again', async () => {
    expect(await command('away until 2099-01-05')).toContain(
      'You are away until 2099-01-05 00:00 UTC',
    );
    expect(await stored()).toMatchObject({
      state: 'away',
      until: new Date('2099-01-05T00:00:00Z'),
    });
    const away = await homeSaying('Tomás Herrera (away until 2099-01-05 00:00 UTC)');
    expect(away).toContain('Who is available');
    expect(away).toContain(':white_circle: Tomás Herrera');

    expect(await command('back')).toContain('You are back');
    expect(await stored()).toMatchObject({ state: 'available' });
    expect(await stored()).not.toHaveProperty('until');
    expect(await homeSaying(':large_green_circle: Tomás Herrera (available)')).toContain('Retail');
  });

  it('refuses a date in the past and one it cannot read, and keeps the status', async () => {
    const before = await stored();
    expect(await command('away until 2020-01-01')).toContain('already past');
    expect(await command('away until someday')).toContain('is not a date I can read');
    expect(await stored()).toEqual(before);
  });

  it('reads the date in the zone Slack reports for the agent', async () => {
    e2e.fake.setUsers({ [TOMAS.user]: { team_id: SLACK_HOME.teamId, tz: 'Asia/Tokyo' } });
    expect(await command('away until 2099-01-05')).toContain(
      'You are away until 2099-01-05 00:00 Asia/Tokyo',
    );
    expect(await stored()).toMatchObject({ until: new Date('2099-01-04T15:00:00Z') });
    await command('back');
  });

  it('gives a customer the usual refusal', async () => {
    expect(await command('away', {})).toContain('Only agents set themselves away or back');
  });

  it('shows the rota, and announces the turn once in the triage channel and to the person on duty', async () => {
    await setRota(e2e.app, 'erp-finance', {
      people: ['tomas.herrera@ledgerline.example', 'priya.raman@ledgerline.example'],
    });
    const shown = await command('rota');
    expect(shown).toContain(
      "*ERP Finance (Europe/Berlin; takes new cases, in turn with the queue's members)*",
    );
    expect(shown).toMatch(
      /• Now: Tomás Herrera, until \w{3} \d{1,2} \w{3} 09:00\n• \w{3} \d{1,2} \w{3} 09:00: Priya Raman/,
    );

    const announcements = () =>
      e2e.fake
        .callsTo('chat.postMessage')
        .filter((c) =>
          String(c.args.text).includes('ERP Finance rota: Tomás Herrera is on duty until'),
        );
    // The daily check arms the turn that began before the rota existed; Agenda runs it.
    await triggerDailyJob(e2e.app, 'rota-check');
    await eventually(async () => (announcements().length >= 2 ? true : undefined));
    expect(
      announcements()
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual(['C06ERPFIN1', 'U06THERR01']);
    // Checked again (another day, another replica): the turn is not announced again.
    await triggerDailyJob(e2e.app, 'rota-check');
    expect(announcements()).toHaveLength(2);
  });

  it('gives a customer the rota refusal', async () => {
    expect(await command('rota', {})).toContain('The support rota is for the support team.');
  });
});
