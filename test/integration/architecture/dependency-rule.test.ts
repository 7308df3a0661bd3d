/**
 * The generated dependency rules, each against a fixture that breaks it
 * (test/fixtures/dependency-rule mirrors the tree), and the code base against all of them.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string; readonly severity: string };
}

/** The CLI as `npm run depcheck` runs it: its exit code counts the errors. */
const depcruise = (output: 'err' | 'json', ...targets: string[]) =>
  run(
    'node_modules/.bin/depcruise',
    [...targets, '--config', '.dependency-cruiser.cjs', '--output-type', output],
    { maxBuffer: 64 * 1024 * 1024 },
  ).then(
    (done) => ({ code: 0, stdout: done.stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );

const violationsOf = async (...targets: string[]): Promise<Violation[]> =>
  (
    JSON.parse((await depcruise('json', ...targets)).stdout) as {
      summary: { violations: Violation[] };
    }
  ).summary.violations;

const config = require('../../../.dependency-cruiser.cjs') as {
  readonly forbidden: readonly { readonly name: string }[];
};

const FIXTURES = 'test/fixtures/dependency-rule/';

/** Fixture file → what it imports (a path fragment) → the rules that must refuse it. */
const EXPECTED: readonly (readonly [string, string, readonly string[]])[] = [
  ['src/domain/imports-mongoose.ts', 'node_modules/mongoose/', ['layer-domain']],
  ['src/ports/imports-use-case.ts', 'src/use-cases/', ['layer-ports']],
  ['src/use-cases/imports-store.ts', 'src/store/', ['layer-use-cases']],
  [
    'src/use-cases/imports-slack.ts',
    'node_modules/@slack/',
    ['layer-use-cases', 'chat-sdks-only-in-adapters'],
  ],
  ['src/presentation/imports-config.ts', 'src/config.ts', ['layer-presentation']],
  ['src/config.ts', 'node_modules/pino/', ['layer-config']],
  ['src/infra/imports-store.ts', 'src/store/', ['layer-infra']],
  ['src/http/imports-store.ts', 'src/store/', ['layer-http']],
  ['src/store/imports-jobs.ts', 'src/jobs/', ['layer-store']],
  ['src/charts/imports-store.ts', 'src/store/', ['layer-charts']],
  ['src/jobs/imports-kb.ts', 'src/kb/', ['layer-jobs']],
  ['src/kb/imports-import.ts', 'src/import/', ['layer-kb']],
  ['src/import/imports-jobs.ts', 'src/jobs/', ['layer-import']],
  ['adapters/shared/imports-slack.ts', 'adapters/slack/', ['layer-adapters-shared']],
  ['adapters/teams/imports-slack.ts', 'adapters/slack/', ['layer-teams', 'chats-stay-apart']],
  ['adapters/slack/imports-teams.ts', 'adapters/teams/', ['layer-slack', 'chats-stay-apart']],
  ['adapters/teams/imports-store.ts', 'src/store/', ['layer-teams', 'adapters-call-use-cases']],
  [
    'adapters/slack/imports-mongoose.ts',
    'node_modules/mongoose/',
    ['layer-slack', 'adapters-call-use-cases'],
  ],
  ['adapters/playground/imports-slack.ts', 'adapters/slack/', ['layer-playground']],
  ['adapters/desk/imports-slack.ts', 'adapters/slack/', ['layer-desk']],
  [
    'src/compose-imports-slack.ts',
    'node_modules/@slack/',
    ['layer-composition', 'chat-sdks-only-in-adapters'],
  ],
  ['src/compose-imports-bson.ts', 'node_modules/bson/', ['no-non-package-json']],
  ['src/domain/cycle-a.ts', 'src/domain/cycle-b.ts', ['no-circular']],
  ['src/unmapped/imports-domain.ts', 'src/domain/', ['not-in-allowed']],
];

/** Every layer's rule is also an allowed-only rule: what it refuses, `allowed` does not allow. */
const withAllowed = (rules: readonly string[]): readonly string[] =>
  rules.some((rule) => rule.startsWith('layer-')) ? [...rules, 'not-in-allowed'] : rules;

describe('the dependency rule', () => {
  let fixtures: Violation[];
  beforeAll(async () => {
    fixtures = await violationsOf(FIXTURES);
  });

  it('fails the check on a violation', async () => {
    expect((await depcruise('err', `${FIXTURES}src/domain`)).code).not.toBe(0);
  });

  it('has a fixture for every generated rule', () => {
    const covered = new Set(EXPECTED.flatMap(([, , rules]) => rules));
    expect(config.forbidden.map((rule) => rule.name).filter((name) => !covered.has(name))).toEqual(
      [],
    );
    expect(covered).toContain('not-in-allowed');
  });

  it.each(EXPECTED)('refuses %s → %s', (file, target, rules) => {
    const fired = fixtures
      .filter((v) => v.from === `${FIXTURES}${file}` && v.to.includes(target))
      .map((v) => v.rule.name);
    expect([...new Set(fired)].sort()).toEqual([...withAllowed(rules)].sort());
  });

  it('lets the allowed fixtures be: a use case on the domain, the playground on Teams', () => {
    const froms = new Set(fixtures.map((v) => v.from));
    for (const file of [
      'src/use-cases/imports-domain.ts',
      'adapters/playground/imports-teams.ts',
      'src/store/plain.ts',
      'adapters/slack/plain.ts',
    ])
      expect(froms).not.toContain(`${FIXTURES}${file}`);
  });

  it('holds for the code base', async () => {
    expect(await violationsOf('src', 'adapters')).toEqual([]);
    expect(await depcruise('err', 'src', 'adapters')).toMatchObject({ code: 0 });
  });
});
