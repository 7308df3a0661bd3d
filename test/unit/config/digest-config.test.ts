import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config.js';

const withFile = (yaml: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'caseline-digest-'));
  writeFileSync(join(dir, 'caseline.yaml'), yaml);
  return dir;
};

const problemsOf = (yaml: string): readonly string[] => {
  try {
    loadConfig({}, withFile(yaml));
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('digest configuration', () => {
  it("reads the desk's digest and a queue's, with defaults, and keeps it off the stored queue", () => {
    const config = loadConfig(
      {},
      withFile(`
digest: { channel: "slack:C0LEADS", weekday: friday, time: "16:30", zone: Europe/Berlin }
queues:
  - key: billing
    name: Billing
    isDefault: true
    digest: { channel: "teams:19:billing-leads@thread.tacv2" }
`),
    );
    expect(config.digests).toEqual([
      { channel: 'slack:C0LEADS', weekday: 'friday', time: '16:30', zone: 'Europe/Berlin' },
      {
        channel: 'teams:19:billing-leads@thread.tacv2',
        weekday: 'monday',
        time: '09:00',
        zone: 'UTC',
        queueKey: 'billing',
      },
    ]);
    expect(config.queues[0]).not.toHaveProperty('digest');
  });

  it.each([
    ['a channel that is no chat address', 'digest: { channel: "#leads" }', 'digest.channel'],
    ['an unknown weekday', 'digest: { channel: "slack:C1", weekday: funday }', 'digest.weekday'],
    ['a time past midnight', 'digest: { channel: "slack:C1", time: "24:00" }', 'digest.time'],
    ['an unknown zone', 'digest: { channel: "slack:C1", zone: Mars/Olympus }', 'digest.zone'],
    ['an unknown field', 'digest: { channel: "slack:C1", day: monday }', 'digest'],
  ])('refuses %s, naming where', (_what, yaml, path) => {
    expect(problemsOf(yaml).some((p) => p.startsWith(`caseline.yaml: ${path}`))).toBe(true);
  });
});
