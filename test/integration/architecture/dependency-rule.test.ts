import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const depcruise = (target: string) =>
  run(
    'node_modules/.bin/depcruise',
    [target, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
    {
      cwd: process.cwd(),
    },
  ).then(
    (done) => ({ code: 0, output: done.stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }),
  );

describe('the dependency rule', () => {
  it('refuses mongoose in the domain and Slack in a use case', async () => {
    const result = await depcruise('test/fixtures/dependency-rule/src');
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(
      /domain-is-pure: \S*src\/domain\/imports-mongoose\.ts → node_modules\/mongoose/,
    );
    expect(result.output).toMatch(
      /use-cases-see-domain-and-ports-only: \S*imports-slack\.ts → node_modules\/@slack/,
    );
    expect(result.output).not.toMatch(/imports-domain\.ts/);
  });

  it('holds for the code base', async () => {
    const result = await depcruise('src');
    expect(result).toMatchObject({ code: 0 });
  });
});
