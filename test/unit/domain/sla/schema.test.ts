import {
  businessCalendarSchema,
  businessDurationSchema,
  parseSlaConfig,
  slaPolicySchema,
} from '../../../../src/domain/sla/schema.js';
import type { SlaProblem } from '../../../../src/domain/sla/schema.js';

const shifts = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];
const validConfig = () => ({
  calendars: [
    {
      name: 'berlin-office',
      timeZone: 'Europe/Berlin',
      hours: { mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts },
      holidays: ['2026-12-25'],
    },
    { name: 'always', timeZone: 'UTC', hours: '24/7' },
  ],
  policies: [
    {
      name: 'standard',
      calendar: 'berlin-office',
      targets: { normal: { firstResponse: '4h', resolution: '16h' } },
    },
    {
      name: 'premium',
      calendar: 'always',
      targets: { urgent: { firstResponse: '30m', nextResponse: '1h', resolution: '8h' } },
      warningAt: 0.5,
      pauseOn: { resolution: ['pending-customer', 'pending-internal'] },
      escalation: { reescalateEvery: '1h', raisePriorityOnBreach: true },
    },
  ],
  defaultPolicy: 'standard',
});

const problemsOf = (input: unknown): SlaProblem[] => {
  const result = parseSlaConfig(input);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.details?.['problems'] as SlaProblem[];
};

describe('parseSlaConfig', () => {
  it('accepts a valid config and fills in the defaults', () => {
    const result = parseSlaConfig(validConfig());
    if (!result.ok) throw new Error(result.message);
    const [standard, premium] = result.value.policies;
    expect(standard?.targets.normal).toEqual({ firstResponse: 240, resolution: 960 });
    expect(standard?.targets.urgent).toEqual({});
    expect(standard?.warningAt).toBe(0.75);
    expect(standard?.pauseOn.nextResponse).toEqual(['pending-customer']);
    expect(standard?.escalation).toEqual({ raisePriorityOnBreach: false, reassignOnBreach: false });
    expect(premium?.pauseOn).toEqual({
      firstResponse: ['pending-customer'],
      nextResponse: ['pending-customer'],
      resolution: ['pending-customer', 'pending-internal'],
    });
    expect(premium?.escalation.reescalateEvery).toBe(60);
    expect(result.value.calendars[1]?.holidays).toEqual([]);
  });

  it('reports every problem at once, each with its path', () => {
    const config = validConfig();
    const [office, always] = config.calendars as [Record<string, unknown>, object];
    office['timeZone'] = 'Europe/Atlantis';
    office['hours'] = {
      mon: [
        { from: '08:00', to: '12:00' },
        { from: '11:00', to: '17:00' },
      ],
      tue: [{ from: '17:00', to: '08:00' }],
    };
    office['holidays'] = ['2026-02-30'];
    config.calendars = [office, always, { ...always }] as typeof config.calendars;
    config.policies[0]!.calendar = 'paris-office';
    config.policies[0]!.targets = { normal: { firstResponse: '2d', resolution: '16h' } };
    config.defaultPolicy = 'gold';
    expect(problemsOf(config).map((problem) => problem.path)).toEqual([
      'calendars[0].timeZone',
      'calendars[0].hours.mon[1].from',
      'calendars[0].hours.tue[0].to',
      'calendars[0].holidays[0]',
      'policies[0].targets.normal.firstResponse',
      'calendars[2].name',
      'policies[0].calendar',
      'defaultPolicy',
    ]);
  });

  it('names the missing calendar and policy', () => {
    const config = { ...validConfig(), defaultPolicy: 'gold' };
    config.policies[1]!.calendar = 'paris-office';
    expect(problemsOf(config)).toEqual([
      { path: 'policies[1].calendar', message: 'No calendar is named "paris-office".' },
      { path: 'defaultPolicy', message: 'No policy is named "gold".' },
    ]);
  });

  it('says how many problems there are', () => {
    const result = parseSlaConfig({ ...validConfig(), defaultPolicy: 'gold' });
    expect(result.ok ? '' : result.message).toMatch(/^The SLA config has 1 problem:/);
  });
});

describe('businessDurationSchema', () => {
  it.each([
    ['4h', 240],
    ['30m', 30],
    ['1h30m', 90],
    ['90m', 90],
    [' 2h ', 120],
  ])('reads %p as %d business minutes', (text, minutes) => {
    expect(businessDurationSchema.parse(text)).toBe(minutes);
  });

  it.each(['2d', '1bd', '0m', '0h', '240', 'h', '1.5h', '-1h', ''])('refuses %p', (text) => {
    expect(businessDurationSchema.safeParse(text).success).toBe(false);
  });

  it('explains why days are refused', () => {
    const result = businessDurationSchema.safeParse('2d');
    expect(result.error?.issues[0]?.message).toMatch(/Days are ambiguous/);
  });
});

describe('businessCalendarSchema', () => {
  const calendar = (hours: unknown) => ({ name: 'c', timeZone: 'Europe/Berlin', hours });

  it.each([
    ['24/7', '24/7'],
    ['a range up to midnight', { sat: [{ from: '20:00', to: '24:00' }] }],
    [
      'touching ranges',
      {
        mon: [
          { from: '08:00', to: '12:00' },
          { from: '12:00', to: '13:00' },
        ],
      },
    ],
    [
      'ranges listed out of order',
      {
        mon: [
          { from: '13:00', to: '17:00' },
          { from: '08:00', to: '12:00' },
        ],
      },
    ],
  ])('accepts %s', (_name, hours) => {
    expect(businessCalendarSchema.safeParse(calendar(hours)).success).toBe(true);
  });

  it.each([
    ['24:00 as a start', { mon: [{ from: '24:00', to: '24:00' }] }],
    ['an empty range', { mon: [{ from: '08:00', to: '08:00' }] }],
    ['a range across midnight', { fri: [{ from: '22:00', to: '02:00' }] }],
    ['a time without minutes', { mon: [{ from: '8', to: '12:00' }] }],
    ['an unknown day', { monday: [{ from: '08:00', to: '12:00' }] }],
    ['a week without any hours', { mon: [] }],
    ['24/5', '24/5'],
  ])('refuses %s', (_name, hours) => {
    expect(businessCalendarSchema.safeParse(calendar(hours)).success).toBe(false);
  });
});

describe('slaPolicySchema', () => {
  const policy = (overrides: object) => ({
    name: 'p',
    calendar: 'c',
    targets: { normal: { firstResponse: '4h' } },
    ...overrides,
  });

  it.each([
    ['no target at all', { targets: {} }],
    ['an unknown priority', { targets: { critical: { firstResponse: '1h' } } }],
    ['an unknown clock', { targets: { normal: { firstReply: '1h' } } }],
    ['a warning at 100%', { warningAt: 1 }],
    ['an unknown status category', { pauseOn: ['waiting'] }],
    ['a category listed twice', { pauseOn: ['pending-customer', 'pending-customer'] }],
  ])('refuses %s', (_name, overrides) => {
    expect(slaPolicySchema.safeParse(policy(overrides)).success).toBe(false);
  });

  it('lets a policy pause on nothing', () => {
    const parsed = slaPolicySchema.parse(policy({ pauseOn: [] }));
    expect(parsed.pauseOn.resolution).toEqual([]);
  });
});
