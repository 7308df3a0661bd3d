/** The dependency rule of ARCHITECTURE.md, enforced by `npm test`. */
const infra =
  '(^|node_modules/)(mongoose|mongodb|agenda|@agendajs|minisearch|@slack|botbuilder|pino|node:|fs|http|net|child_process)';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain is pure TypeScript: it imports only itself and a few pure libraries.',
      severity: 'error',
      from: { path: '(^|/)src/domain/' },
      to: { pathNot: ['(^|/)src/domain/', 'node_modules/(zod|luxon)/'] },
    },
    {
      name: 'use-cases-see-domain-and-ports-only',
      comment: 'A use case takes its ports as arguments; it never reaches for infrastructure.',
      severity: 'error',
      from: { path: '(^|/)src/use-cases/' },
      to: { pathNot: ['(^|/)src/(domain|ports|use-cases)/', 'node_modules/zod/'] },
    },
    {
      name: 'no-infrastructure-in-core',
      comment:
        'mongoose, agenda, minisearch, Slack and Bot Framework stay out of domain and use cases.',
      severity: 'error',
      from: { path: '(^|/)src/(domain|use-cases|ports)/' },
      to: { path: infra, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-chat-words-in-src',
      comment: 'Chat SDKs live in adapters/ only.',
      severity: 'error',
      // main.ts is the composition root: it alone starts the chat adapters.
      from: { path: '(^|/)src/', pathNot: '(^|/)src/main\\.ts$' },
      to: { path: ['(^|/)adapters/', 'node_modules/(@slack|botbuilder|botframework)'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
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
