import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config.js';

const withFile = (yaml: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'caseline-config-'));
  writeFileSync(join(dir, 'caseline.yaml'), yaml);
  return dir;
};

const problemsOf = (env: Record<string, string>, cwd: string): readonly string[] => {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('configuration', () => {
  it('starts from defaults when there is no file', () => {
    const config = loadConfig({}, mkdtempSync(join(tmpdir(), 'caseline-empty-')));
    expect(config).toMatchObject({
      caseNumber: { prefix: 'CASE', start: 1000 },
      workflow: { name: 'simple' },
      env: { PORT: 3000 },
    });
    expect(Object.isFrozen(config.caseNumber)).toBe(true);
  });

  it('reads presets, queues and channels from caseline.yaml', () => {
    const cwd = withFile(`
workflow: defect-lifecycle
caseNumber: { prefix: SUP, start: 5000 }
queues:
  - { key: finance, name: Finance, routing: [{ modules: [Ledger] }], isDefault: true }
supportChannels:
  - { channel: "slack:C0123", organization: acme }
`);
    const config = loadConfig({}, cwd);
    expect(config.workflow.name).toBe('defect-lifecycle');
    expect(config.caseNumber.prefix).toBe('SUP');
    expect(config.queues[0]?.key).toBe('finance');
  });

  it('reports every problem at once, with paths, from env and file', () => {
    const cwd = withFile(`
workflow: kanban
caseNumber: { prefix: "case" }
priorities: { default: asap }
queues:
  - { key: finance, name: Finance }
  - { key: finance, name: Again }
supportChannels:
  - { channel: "#support", organization: acme }
unknownKey: 1
`);
    const problems = problemsOf(
      { PORT: 'eighty', MONGODB_URI: 'http://db', LOG_LEVEL: 'loud' },
      cwd,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^env: PORT/),
        expect.stringMatching(/^env: MONGODB_URI: must start with mongodb/),
        expect.stringMatching(/^env: LOG_LEVEL/),
        expect.stringMatching(/caseNumber\.prefix/),
        expect.stringMatching(/priorities\.default/),
        expect.stringMatching(/supportChannels\.0\.channel/),
        expect.stringMatching(/unknownKey/),
      ]),
    );
  });

  it('checks workflow presets and queue keys once the shape is valid', () => {
    const cwd = withFile(`
workflow: kanban
queues:
  - { key: finance, name: Finance }
  - { key: finance, name: Again }
`);
    const problems = problemsOf({}, cwd);
    expect(problems).toEqual([
      expect.stringMatching(/workflow: unknown preset "kanban"/),
      expect.stringMatching(/queues\.1\.key: repeats "finance"/),
    ]);
  });

  it('names a missing CASELINE_CONFIG file', () => {
    expect(problemsOf({ CASELINE_CONFIG: 'nope.yaml' }, tmpdir())).toEqual([
      expect.stringMatching(/CASELINE_CONFIG: no such file/),
    ]);
  });

  it('reads the example file, SLA policies included', () => {
    const config = loadConfig({ CASELINE_CONFIG: 'caseline.example.yaml' }, process.cwd());
    expect(config.sla?.policies.map((p) => p.name)).toEqual([
      'gold-24x7',
      'silver-business-hours',
      'bronze-standard',
      'standard',
    ]);
    expect(config.sla?.defaultPolicy).toBe('standard');
  });

  it('reports SLA problems with their paths, alongside the others', () => {
    const cwd = withFile(`
workflow: kanban
sla:
  calendars: [{ name: office, timeZone: Mars/Olympus, hours: 24/7 }]
  policies: [{ name: standard, calendar: nowhere, targets: { normal: { firstResponse: 2d } } }]
  defaultPolicy: standard
`);
    const problems = problemsOf({}, cwd);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/workflow: unknown preset/),
        expect.stringMatching(/^caseline\.yaml: sla\.calendars\[0\]\.timeZone: /),
        expect.stringMatching(
          /^caseline\.yaml: sla\.policies\[0\]\.targets\.normal\.firstResponse: /,
        ),
      ]),
    );
  });

  it('runs no clocks without an sla section', () => {
    expect(loadConfig({}, mkdtempSync(join(tmpdir(), 'caseline-nosla-'))).sla).toBeUndefined();
  });
});
