// Sot's layers, as ARCHITECTURE.md describes them ("Views never query; commands never render;
// domain functions never do I/O"), checked on every `npm test` by `npm run lint:deps`.
// test/unit/layering.test.ts runs these rules over fixtures that break each one.

// Packages are matched anywhere in the resolved path: a worktree whose node_modules is a symlink
// resolves them outside the project.

/** What pure rules may use besides each other. */
const DOMAIN_MAY_USE = [
  '^src/domain/',
  // typebox builds and checks schemas of values (the filing fields): no I/O, no state.
  '(^|/)node_modules/typebox/',
  // Hashes and HMACs only, which are functions of their input: the judge draw is reproducible
  // from its seed (distribution.ts). Random values are made at the edge (src/auth/tokens.ts).
  '^node:crypto$',
  '^crypto$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain/ takes values and returns values: it imports only src/domain/ and the pure packages listed above.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: DOMAIN_MAY_USE },
    },
    {
      name: 'views-never-query',
      comment: 'Views render values the route hands them: no database, no commands, not even their types (those live in src/domain/ or src/queries/).',
      severity: 'error',
      from: { path: '^src/views/' },
      to: { path: ['^src/db/', '^src/commands/', '(^|/)node_modules/drizzle-orm/'] },
    },
    {
      name: 'routes-never-query',
      comment: 'A route parses, checks and calls a query (src/queries/) or a command (src/commands/); it may name a database type, never run SQL.',
      severity: 'error',
      from: { path: '^src/routes/' },
      to: { path: ['^src/db/', '(^|/)node_modules/drizzle-orm/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'inner-layers-never-reach-out',
      comment: 'Rules, read models and use cases know nothing of HTTP or pages.',
      severity: 'error',
      from: { path: '^src/(domain|queries|commands)/' },
      to: { path: '^src/(routes|views)/' },
    },
    {
      name: 'no-cycles',
      comment: 'Modules form a tree of layers: no module reaches itself through its imports, type imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle or a layer crossed by types is still one.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
