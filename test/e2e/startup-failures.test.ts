/**
 * What a person sees when Caseline cannot start: one line naming the cause, an exit code
 * of its own (README "Start-up and exit codes"), and nothing left behind. Each runs the
 * real process in a directory of its own, on real ports.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { answersPing, freePort, isAlive } from '../../src/infra/database/server-process.js';
import { cliDatabase } from '../support/cli.js';
import {
  runCaselineIn,
  scratchDirectory,
  startCaseline,
  untilListening,
  type Finished,
} from '../support/startup.js';

const EXAMPLE_CONFIG = resolve('caseline.example.yaml');

/** The lines a person reads on stderr; a stack trace would add `    at …` lines. */
const linesOf = (result: Finished) => result.stderr.trimEnd().split('\n');
const noStack = (result: Finished) => expect(result.stderr).not.toMatch(/^\s+at /m);

describe('a start that cannot succeed', () => {
  it('names the unreachable database by host and port, without its password (server and CLI)', async () => {
    const port = await freePort(); // closed again: nothing listens there
    const uri = `mongodb://caseline:s3cret-pw@127.0.0.1:${port}/caseline`;
    const env = { MONGODB_URI: uri, CASELINE_CONFIG: EXAMPLE_CONFIG, PORT: '0' };
    const dir = scratchDirectory();
    const [server, cli] = await Promise.all([
      runCaselineIn(dir, ['serve'], env),
      runCaselineIn(dir, ['cases', 'list'], env),
    ]);
    for (const result of [server, cli]) {
      expect(result.code).toBe(3);
      expect(linesOf(result)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^caseline: cannot reach the database at 127\\.0\\.0\\.1:${port} \\(MONGODB_URI\\)`,
          ),
        ),
      ]);
      noStack(result);
      expect(result.stdout + result.stderr).not.toContain('s3cret-pw');
    }
    expect(existsSync(join(dir, '.data', 'server.json'))).toBe(false);
  });

  it('stops its embedded database and removes its state file when the port is taken', async () => {
    const port = await freePort();
    const occupant: Server = createServer();
    await new Promise<void>((done) => occupant.listen(port, '127.0.0.1', done));
    const dir = scratchDirectory();
    try {
      const result = await runCaselineIn(dir, ['serve'], {
        PORT: String(port),
        CASELINE_CONFIG: EXAMPLE_CONFIG,
      });
      expect(result.code).toBe(4);
      expect(linesOf(result)).toEqual([
        `caseline: cannot listen on 127.0.0.1:${port}: the port is in use by another process. Stop it, or set PORT to a free port`,
      ]);
      noStack(result);
      // The database had started: the start-up line names it, and its pid when it has one.
      const started = /database: embedded (\S+) on (127\.0\.0\.1:\d+)(?: \(pid (\d+)\))?/.exec(
        result.stdout,
      );
      expect(started).not.toBeNull();
      const [, , address, pid] = started!;
      expect(existsSync(join(dir, '.data', 'server.json'))).toBe(false);
      expect(await answersPing(`mongodb://${address}/`, 1000)).toBe(false);
      if (pid) expect(isAlive(Number(pid))).toBe(false);
    } finally {
      await new Promise((done) => occupant.close(done));
    }
  });

  it('lists every configuration problem, one line each, before starting anything', async () => {
    const dir = scratchDirectory();
    const config = join(dir, 'broken.yaml');
    writeFileSync(
      config,
      'caseNumber:\n  prefix: not a prefix\nintake:\n  groupingWindowSeconds: -5\n',
    );
    const result = await runCaselineIn(dir, ['serve'], { CASELINE_CONFIG: config, PORT: '0' });
    expect(result.code).toBe(2);
    expect(linesOf(result)).toEqual([
      'Caseline cannot start; the configuration has 2 problem(s):',
      expect.stringMatching(/^ {2}- caseline\.yaml: caseNumber\.prefix: /),
      expect.stringMatching(/^ {2}- caseline\.yaml: intake\.groupingWindowSeconds: /),
    ]);
    noStack(result);
    expect(existsSync(join(dir, '.data'))).toBe(false);
  });

  it('refuses production without MONGODB_URI, saying why, and builds no local database', async () => {
    const dir = scratchDirectory();
    const result = await runCaselineIn(dir, ['serve'], { NODE_ENV: 'production', PORT: '0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'env: MONGODB_URI: required when NODE_ENV=production; without it each replica starts its own local database',
    );
    noStack(result);
    expect(existsSync(join(dir, '.data'))).toBe(false);
  });
});

describe('the CLI beside a running server', () => {
  it('reads the configuration the server loaded, and says so; defaults once it is gone', async () => {
    const dir = scratchDirectory();
    const database = cliDatabase('startup');
    const server = startCaseline(dir, ['serve'], {
      MONGODB_URI: database,
      CASELINE_CONFIG: EXAMPLE_CONFIG,
      PORT: '0',
      CASELINE_PLAYGROUND: 'off',
    });
    try {
      await untilListening(server);
      expect(server.output().stdout).toContain(`"database":"${database} (MONGODB_URI)"`);
      const beside = await runCaselineIn(dir, ['report', 'sla'], { MONGODB_URI: database });
      expect(beside.code).toBe(0);
      expect(beside.stderr).toBe(
        `caseline: using ${EXAMPLE_CONFIG}, the configuration of the server running here (pid ${server.child.pid}); set CASELINE_CONFIG to use another file\n`,
      );
      // Without MONGODB_URI it would read a separate local database: refused, saying why.
      const local = await runCaselineIn(dir, ['cases', 'list'], {});
      expect(local.code).toBe(2);
      expect(linesOf(local)).toContain(
        `caseline: the server running here (pid ${server.child.pid}) uses MONGODB_URI; set MONGODB_URI for this command too`,
      );
    } finally {
      server.child.kill('SIGTERM');
    }
    expect((await server.finished).code).toBe(0);
    expect(existsSync(join(dir, '.data', 'server.json'))).toBe(false);
    const alone = await runCaselineIn(dir, ['report', 'sla'], { MONGODB_URI: database });
    expect(alone.stderr).toContain('caseline: using built-in defaults (no caseline.yaml here');
    expect(alone.stderr).toContain('No SLA is configured');
  });
});

describe('caseline --version', () => {
  it('prints the package version, long and short', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const dir = scratchDirectory();
    for (const flag of ['--version', '-V']) {
      const result = await runCaselineIn(dir, [flag]);
      expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
    }
  });
});
