import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config.js';

const load = (yaml: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'caseline-desk-'));
  writeFileSync(join(dir, 'caseline.yaml'), yaml);
  return loadConfig({}, dir);
};

const problemsOf = (yaml: string): readonly string[] => {
  try {
    load(yaml);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
  }
  return [];
};

describe('caseline.yaml http and desk', () => {
  it('has no public URL and twelve-hour desk sessions by default', () => {
    const config = load('queues: []\n');
    expect(config.http).toEqual({});
    expect(config.desk).toEqual({ sessionHours: 12 });
  });

  it('takes a public origin and a session length', () => {
    const config = load(
      'http:\n  publicUrl: https://caseline.example.com\ndesk:\n  sessionHours: 8\n',
    );
    expect(config.http.publicUrl).toBe('https://caseline.example.com');
    expect(config.desk.sessionHours).toBe(8);
  });

  it.each([
    ['https://caseline.example.com/support', /http\.publicUrl: must be an origin without a path/],
    ['ftp://caseline.example.com', /http\.publicUrl: /],
    ['caseline.example.com', /http\.publicUrl: /],
  ])('refuses %s as the public URL', (url, problem) => {
    expect(problemsOf(`http:\n  publicUrl: ${url}\n`)).toEqual([expect.stringMatching(problem)]);
  });

  it('refuses a session of no hours or of more than a month', () => {
    expect(problemsOf('desk:\n  sessionHours: 0\n')).toEqual([
      expect.stringMatching(/desk\.sessionHours: /),
    ]);
    expect(problemsOf('desk:\n  sessionHours: 721\n')).toHaveLength(1);
  });
});
