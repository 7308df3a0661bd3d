import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config.js';

const load = (yaml: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'caseline-csat-'));
  writeFileSync(join(dir, 'caseline.yaml'), yaml);
  return loadConfig({}, dir);
};

describe('caseline.yaml csat', () => {
  it('is off without a section', () => {
    expect(load('queues: []\n').csat).toEqual({
      send: 'off',
      samplePercent: 25,
      delayMinutes: 60,
      lowScoreAtMost: 2,
    });
  });

  it('takes a sample, a delay and a threshold', () => {
    expect(load('csat:\n  send: sample\n  samplePercent: 30\n  delayMinutes: 0\n').csat).toEqual({
      send: 'sample',
      samplePercent: 30,
      delayMinutes: 0,
      lowScoreAtMost: 2,
    });
  });

  it('names every problem with its path', () => {
    let problems: readonly string[] = [];
    try {
      load('csat:\n  send: sometimes\n  lowScoreAtMost: 5\n  delay: 3\n');
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/^caseline\.yaml: csat\.send: /),
      expect.stringMatching(/^caseline\.yaml: csat\.lowScoreAtMost: /),
      expect.stringMatching(/^caseline\.yaml: csat: .*delay/),
    ]);
  });
});
