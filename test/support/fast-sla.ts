/**
 * An SLA whose first response warns after 2 s and breaches after 4 s, round the clock:
 * the timer tests (on the in-memory scheduler and on real Agenda) run its clocks.
 */
export const FAST_SLA = {
  calendars: [{ name: 'always', timeZone: 'UTC', hours: '24/7' }],
  policies: [
    {
      name: 'fast',
      calendar: 'always',
      targets: { normal: { firstResponse: '4s', nextResponse: '4s', resolution: '1h' } },
      warningAt: 0.5,
    },
  ],
  defaultPolicy: 'fast',
};
