import { ConfigError, loadConfig } from '../../../src/config.js';

// A directory without caseline.yaml: built-in defaults.
const cwd = '/nonexistent-caseline-dir';

describe('production needs a shared database', () => {
  it('refuses NODE_ENV=production without MONGODB_URI, saying why', () => {
    const load = () => loadConfig({ NODE_ENV: 'production' }, cwd);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/MONGODB_URI: required when NODE_ENV=production; .*its own data/);
  });

  it('accepts production with MONGODB_URI, and development without it', () => {
    expect(
      loadConfig({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db.example/caseline' }, cwd).env
        .NODE_ENV,
    ).toBe('production');
    expect(loadConfig({}, cwd).env.MONGODB_URI).toBeUndefined();
  });
});
