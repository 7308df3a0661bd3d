import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, SUGGESTION_MIN_CONFIDENCE } from '../../../src/config.js';

const dirWith = (yaml?: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'caseline-kb-config-'));
  if (yaml !== undefined) writeFileSync(join(dir, 'caseline.yaml'), yaml);
  return dir;
};

describe('the kb section of caseline.yaml', () => {
  it('defaults to the measured threshold, a 5-second follow poll and 20,000 articles', () => {
    expect(loadConfig({}, dirWith()).kb).toEqual({
      suggestionMinScore: SUGGESTION_MIN_CONFIDENCE,
      followPollMs: 5_000,
      solutionFieldMaxArticles: 20_000,
    });
  });

  it('takes each setting from the file, keeping defaults for the others', () => {
    const config = loadConfig({}, dirWith('kb: { suggestionMinScore: 0.55, followPollMs: 250 }\n'));
    expect(config.kb).toEqual({
      suggestionMinScore: 0.55,
      followPollMs: 250,
      solutionFieldMaxArticles: 20_000,
    });
  });

  it('refuses a raw score from before the confidence, saying what the setting is now', () => {
    let problems: readonly string[] = [];
    try {
      loadConfig({}, dirWith('kb: { suggestionMinScore: 40 }\n'));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('kb.suggestionMinScore');
    expect(problems[0]).toContain('a confidence between 0 and 1');
  });

  it('reports every wrong setting with its path', () => {
    let problems: readonly string[] = [];
    try {
      loadConfig(
        {},
        dirWith(
          'kb: { suggestionMinScore: -1, followPollMs: 10, solutionFieldMaxArticles: 2.5, typo: 1 }\n',
        ),
      );
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems.map((problem) => problem.split(':').slice(0, 2).join(':')).sort()).toEqual([
      'caseline.yaml: kb',
      'caseline.yaml: kb.followPollMs',
      'caseline.yaml: kb.solutionFieldMaxArticles',
      'caseline.yaml: kb.suggestionMinScore',
    ]);
  });
});
