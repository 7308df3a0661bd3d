import { chooseCliConfig } from '../../../src/cli/config-choice.js';

const cwd = '/srv/desk';
const server = (config: string | null | undefined) => ({
  pid: 4242,
  kind: 'ferretdb' as const,
  uri: 'mongodb://127.0.0.1:40000/',
  ...(config === undefined ? {} : { config }),
});

describe('which configuration a CLI command uses', () => {
  it('takes CASELINE_CONFIG over everything, silently', () => {
    const choice = chooseCliConfig(
      { CASELINE_CONFIG: 'mine.yaml' },
      { cwd, server: server('/srv/desk/demo.yaml'), hasDefaultFile: true },
    );
    expect(choice).toEqual({ env: { CASELINE_CONFIG: 'mine.yaml' } });
  });

  it("takes the running server's file and says so", () => {
    const choice = chooseCliConfig(
      {},
      { cwd, server: server('/srv/desk/demo.yaml'), hasDefaultFile: true },
    );
    expect(choice.env.CASELINE_CONFIG).toBe('/srv/desk/demo.yaml');
    expect(choice.note).toBe(
      'using demo.yaml, the configuration of the server running here (pid 4242); set CASELINE_CONFIG to use another file',
    );
  });

  it("names a server's file outside this directory by its whole path", () => {
    const choice = chooseCliConfig(
      {},
      { cwd, server: server('/etc/caseline.yaml'), hasDefaultFile: false },
    );
    expect(choice.note).toMatch(/^using \/etc\/caseline\.yaml, /);
  });

  it('uses caseline.yaml silently when no server says otherwise', () => {
    expect(chooseCliConfig({}, { cwd, server: undefined, hasDefaultFile: true })).toEqual({
      env: {},
    });
    // A record without a config is an embedded database another CLI command started.
    expect(chooseCliConfig({}, { cwd, server: server(undefined), hasDefaultFile: true })).toEqual({
      env: {},
    });
  });

  it('says when it falls back to built-in defaults', () => {
    expect(chooseCliConfig({}, { cwd, server: undefined, hasDefaultFile: false }).note).toBe(
      'using built-in defaults (no caseline.yaml here, and no server running here); set CASELINE_CONFIG to use a file',
    );
    expect(chooseCliConfig({}, { cwd, server: server(null), hasDefaultFile: false }).note).toMatch(
      /^using built-in defaults, as the server running here \(pid 4242\) does/,
    );
  });

  it('says when caseline.yaml differs from the defaults the server started with', () => {
    expect(chooseCliConfig({}, { cwd, server: server(null), hasDefaultFile: true }).note).toMatch(
      /^using caseline\.yaml, although the server running here \(pid 4242\) started with built-in defaults/,
    );
  });
});
