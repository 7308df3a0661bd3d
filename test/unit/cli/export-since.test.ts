import { parseSince } from '../../../src/cli/export-command.js';

describe('export --since', () => {
  it.each([
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    [' 2024-02-29 ', '2024-02-29T00:00:00.000Z'],
    ['2026-11-01T09:00:00+01:00', '2026-11-01T08:00:00.000Z'],
    ['2026-11-01T09:00Z', '2026-11-01T09:00:00.000Z'],
    ['2026-11-01T09:00:00.250Z', '2026-11-01T09:00:00.250Z'],
  ])('reads %p', (typed, instant) => {
    expect(parseSince(typed)?.toISOString()).toBe(instant);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-11-01T09:00:00',
    '2026-11-01T25:00:00Z',
    'last week',
    '1700000000',
    '',
  ])('refuses %p', (typed) => {
    expect(parseSince(typed)).toBeUndefined();
  });
});
