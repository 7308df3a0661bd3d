/**
 * The layer map of ARCHITECTURE.md, the one place the dependency rule is declared;
 * .dependency-cruiser.cjs generates its rules from it. Layers are listed from the inside
 * out and a layer may name only layers above it in this list, so the map cannot describe
 * a cycle. `paths` are regexes on module paths (the fixtures in
 * test/fixtures/dependency-rule mirror the tree, so they match with any prefix);
 * `packages` are the npm packages a layer may import; `builtins` allows node's own modules.
 *
 * Ports sit right on the domain: use cases take ports as arguments, and the stores, jobs
 * and adapters implement or call them.
 */
const CHAT_SDKS = '@slack/|botbuilder|botframework-';

/** @type {{ name: string, paths: string[], may: string[], packages: string[], builtins?: boolean, why: string }[]} */
const layers = [
  {
    name: 'domain',
    paths: ['src/domain/'],
    may: [],
    packages: ['zod', 'luxon'],
    why: 'pure TypeScript: no I/O, no clock, no framework',
  },
  {
    name: 'ports',
    paths: ['src/ports/'],
    may: ['domain'],
    packages: ['zod'],
    why: 'the interfaces use cases take, in domain words',
  },
  {
    name: 'use-cases',
    paths: ['src/use-cases/'],
    may: ['domain', 'ports'],
    packages: ['zod'],
    why: 'a use case takes its ports as arguments; it never reaches for infrastructure',
  },
  {
    name: 'presentation',
    paths: ['src/presentation/'],
    may: ['domain', 'ports', 'use-cases'],
    packages: ['zod'],
    why: 'chat-neutral views on top of the use cases',
  },
  {
    name: 'charts',
    paths: ['src/charts/'],
    may: ['domain', 'ports', 'presentation'],
    packages: ['vega', 'vega-lite', '@resvg/resvg-js'],
    builtins: true,
    why: 'report charts drawn on the server: Vega-Lite specifications rendered to PNG',
  },
  {
    name: 'config',
    paths: ['src/config\\.ts$'],
    may: ['domain'],
    packages: ['zod', 'yaml'],
    builtins: true,
    why: 'caseline.yaml and the environment, read once',
  },
  {
    name: 'infra',
    paths: ['src/infra/'],
    may: ['domain', 'ports'],
    packages: ['mongoose', 'mongodb', 'mongodb-memory-server', 'pino', 'zod'],
    builtins: true,
    why: 'the database bootstrap, logging, process guards',
  },
  {
    name: 'http',
    paths: ['src/http/'],
    may: ['domain', 'ports', 'infra'],
    packages: ['zod'],
    builtins: true,
    why: 'the one HTTP server and the shape every chat channel plugs into it with',
  },
  {
    name: 'store',
    paths: ['src/store/'],
    may: ['domain', 'ports', 'infra'],
    packages: ['mongoose', 'mongodb', 'zod'],
    builtins: true,
    why: 'mongoose models and the repositories behind the ports',
  },
  {
    name: 'jobs',
    paths: ['src/jobs/'],
    may: ['domain', 'ports', 'use-cases', 'infra'],
    packages: ['agenda', '@agendajs/mongo-backend', 'mongoose', 'mongodb', 'zod'],
    builtins: true,
    why: 'workers and timers: thin handlers that call a use case',
  },
  {
    name: 'kb',
    paths: ['src/kb/'],
    may: ['domain', 'ports', 'use-cases', 'infra', 'store'],
    packages: ['minisearch', 'mongoose', 'pino', 'stemmer', 'stopword', 'yaml', 'zod'],
    builtins: true,
    why: 'the MiniSearch index behind the KnowledgeBase port, and its sync',
  },
  {
    name: 'import',
    paths: ['src/import/'],
    may: ['domain', 'ports', 'store'],
    packages: ['csv-parse', 'mongoose', 'zod'],
    builtins: true,
    why: 'directory imports from CSV and JSON files',
  },
  {
    name: 'adapters-shared',
    paths: ['adapters/shared/'],
    may: ['domain', 'ports', 'use-cases', 'presentation', 'config', 'http'],
    packages: ['zod'],
    builtins: true,
    why: 'words and mappings every chat adapter uses; no chat SDK',
  },
  {
    name: 'teams',
    paths: ['adapters/teams/'],
    may: ['domain', 'ports', 'use-cases', 'presentation', 'config', 'http', 'adapters-shared'],
    packages: ['botbuilder', 'botframework-connector', 'pino', 'zod'],
    builtins: true,
    why: 'renders views as Adaptive Cards and maps activities to commands; never the store',
  },
  {
    name: 'slack',
    paths: ['adapters/slack/'],
    may: ['domain', 'ports', 'use-cases', 'presentation', 'config', 'http', 'adapters-shared'],
    packages: ['@slack/bolt', '@slack/types', '@slack/web-api', 'pino', 'zod'],
    builtins: true,
    why: 'renders views as Block Kit and maps payloads to commands; never Teams, never the store',
  },
  {
    // A Teams client in the browser (Web Chat over a Direct Line emulation), so it may use
    // the Teams adapter's words; Teams never depends on it.
    name: 'playground',
    paths: ['adapters/playground/'],
    may: [
      'domain',
      'ports',
      'use-cases',
      'presentation',
      'config',
      'http',
      'adapters-shared',
      'teams',
    ],
    packages: ['pino', 'zod'],
    builtins: true,
    why: 'the local Teams emulation; never Slack, never the store',
  },
  {
    name: 'desk',
    paths: ['adapters/desk/'],
    may: ['domain', 'ports', 'use-cases', 'presentation', 'config', 'http', 'adapters-shared'],
    packages: ['zod'],
    builtins: true,
    why: 'the read-only desk page as server-rendered HTML; no chat SDK, never the store',
  },
  {
    name: 'composition',
    paths: ['src/composition\\.ts$', 'src/compose-[^/]+\\.ts$', 'src/main\\.ts$', 'src/cli/'],
    may: [
      'domain',
      'ports',
      'use-cases',
      'presentation',
      'charts',
      'config',
      'infra',
      'http',
      'store',
      'jobs',
      'kb',
      'import',
      'adapters-shared',
      'teams',
      'slack',
      'playground',
      'desk',
    ],
    // Any package declared in package.json (no-non-package-json checks that) but a chat
    // SDK: the chat adapters own those.
    packages: ['*'],
    builtins: true,
    why: 'builds everything and starts the process (server and CLI)',
  },
];

module.exports = { layers, CHAT_SDKS };
