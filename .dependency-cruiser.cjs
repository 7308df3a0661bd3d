/**
 * The dependency rule of ARCHITECTURE.md, enforced by `npm test`. Generated from the layer
 * map in scripts/layers.cjs: allowed-only (a dependency no layer allows is an error), with
 * one named rule per layer so a violation says which layer's rule it broke, and a few
 * named rules for what a layer map cannot say.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- dependency-cruiser reads its config as CommonJS
const { layers, CHAT_SDKS } = require('./scripts/layers.cjs');

const at = (path) => `(^|/)${path}`;
const byName = new Map(layers.map((layer) => [layer.name, layer]));
const packagePath = (name) =>
  name === '*'
    ? `(^|/)node_modules/(?!${CHAT_SDKS})`
    : `(^|/)node_modules/${name.replace(/[.]/g, '\\.')}/`;

/** What a layer may import: itself, the layers it names, its packages. */
const targetsOf = (layer) => [
  ...layer.paths.map(at),
  ...layer.may.flatMap((name) => byName.get(name).paths.map(at)),
  ...layer.packages.map(packagePath),
];

const allowed = layers.flatMap((layer) => [
  {
    comment: `${layer.name}: ${layer.why}`,
    from: { path: layer.paths.map(at) },
    to: { path: targetsOf(layer) },
  },
  ...(layer.builtins
    ? [{ from: { path: layer.paths.map(at) }, to: { dependencyTypes: ['core'] } }]
    : []),
]);

const layerRules = layers.map((layer) => ({
  name: `layer-${layer.name}`,
  comment: `${layer.name} (${layer.why}) imports only ${
    [...layer.may, ...layer.packages].join(', ') || 'itself'
  }${layer.builtins ? ' and node built-ins' : ''}.`,
  severity: 'error',
  from: { path: layer.paths.map(at) },
  to: {
    pathNot: targetsOf(layer),
    ...(layer.builtins ? { dependencyTypesNot: ['core'] } : {}),
  },
}));

const adapters = '(^|/)adapters/';
module.exports = {
  allowed,
  allowedSeverity: 'error',
  forbidden: [
    ...layerRules,
    {
      name: 'chats-stay-apart',
      comment:
        'Slack and Teams never import each other: what both need lives in src/ or adapters/shared.',
      severity: 'error',
      from: { path: `${adapters}(slack|teams)/` },
      to: { path: `${adapters}(slack|teams)/`, pathNot: `${adapters}$2/` },
    },
    {
      name: 'adapters-call-use-cases',
      comment:
        'Adapters get the use cases they call from the composition root: never Core, the store, a job or mongoose.',
      severity: 'error',
      from: { path: adapters },
      to: {
        path: [
          '(^|/)src/(store|jobs|kb|infra|import|cli)/',
          '(^|/)src/(composition|compose-[^/]+|main)\\.ts$',
          '(^|/)node_modules/(mongoose|mongodb|agenda|@agendajs|minisearch)/',
        ],
      },
    },
    {
      name: 'chat-sdks-only-in-adapters',
      comment: 'Chat SDKs live in adapters/ only.',
      severity: 'error',
      from: { path: '(^|/)src/' },
      to: { path: `(^|/)node_modules/(${CHAT_SDKS})` },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-non-package-json',
      comment: 'Every package imported is declared in package.json, not merely brought by another.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
