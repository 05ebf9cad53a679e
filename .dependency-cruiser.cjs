/**
 * The architecture as rules (npm run health): a pure core, effects behind ports, stages that
 * only look back. See the README's architecture section.
 */
const STAGES = ['ingest', 'extract', 'analyse', 'edition', 'deliver', 'archive', 'subscribe'];
/** What each stage may not import: every stage after it (deliver and archive are siblings). */
const LATER = {
  ingest: ['extract', 'analyse', 'edition', 'deliver', 'archive', 'subscribe'],
  extract: ['analyse', 'edition', 'deliver', 'archive', 'subscribe'],
  analyse: ['edition', 'deliver', 'archive', 'subscribe'],
  edition: ['deliver', 'archive', 'subscribe'],
  deliver: ['archive', 'subscribe'],
  archive: ['deliver', 'subscribe'],
  subscribe: ['archive'],
};
const CORE = `^functions/(domain|ports|text|state|config|${STAGES.join('|')}|run-digest\\.ts)`;

module.exports = {
  forbidden: [
    {
      name: 'effects-only-in-adapters',
      comment:
        'The AWS SDK, the file system and the network are reached only from adapters/, handlers/ and cli/.',
      severity: 'error',
      from: { path: CORE },
      to: {
        path: '^(@aws-sdk/|(node:)?(fs|fs/promises|http|https|http2|net|tls|dns|dgram|child_process|worker_threads)$|undici)',
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'unknown', 'undetermined'],
      },
    },
    {
      name: 'effects-only-in-adapters-npm',
      comment: 'The AWS SDK packages are reached only from adapters/, handlers/ and cli/.',
      severity: 'error',
      from: { path: CORE },
      to: { path: 'node_modules/@aws-sdk/' },
    },
    {
      name: 'core-not-on-adapters',
      comment: 'The core sees ports, never their implementations or the entry points.',
      severity: 'error',
      from: { path: CORE },
      to: { path: '^functions/(adapters|handlers|cli)/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ (types, schemas, errors, keys, tokens) imports only zod and node:crypto.',
      severity: 'error',
      from: { path: '^functions/domain/' },
      to: { pathNot: ['^functions/domain/', 'node_modules/zod/', '^zod$', '^(node:)?crypto$'] },
    },
    {
      name: 'base-layers-below-stages',
      comment: 'text/, ports/ and state/ sit below every stage and never import one, nor config/.',
      severity: 'error',
      from: { path: '^functions/(text|ports|state)/' },
      to: { path: `^functions/(config|${STAGES.join('|')})/` },
    },
    {
      name: 'config-below-stages',
      comment: 'config/ is read by handlers and passed down; it depends on the domain only.',
      severity: 'error',
      from: { path: '^functions/config/' },
      to: { path: `^functions/(${STAGES.join('|')}|state|text)/` },
    },
    ...Object.entries(LATER).map(([stage, later]) => ({
      name: `${stage}-looks-back-only`,
      comment: `${stage}/ never imports a later stage (${later.join(', ')}).`,
      severity: 'error',
      from: { path: `^functions/${stage}/` },
      to: { path: `^functions/(${later.join('|')})/` },
    })),
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^functions/' },
      to: { circular: true },
    },
    {
      name: 'no-tests-in-product',
      severity: 'error',
      from: { path: '^(functions|infra)/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
