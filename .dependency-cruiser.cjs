// Layer rules (DESIGN: "Arrows point one way"). `npm run lint` runs
//   depcruise electron renderer tests scripts --config .dependency-cruiser.cjs
// Type-only imports count: a layer that names another's types depends on it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'renderer-only-contract',
      comment: 'The renderer is a browser page: of electron/ it may import only the contract (types and schemas).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/', pathNot: '^electron/contract/' },
    },
    {
      name: 'electron-only-in-shell',
      comment:
        'Only the Electron shell (electron/main, electron/preload) imports `electron`; services, host, CLI and browser mode run under plain Node.',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: '^(electron|node_modules/electron/.*)$' },
    },
    {
      name: 'contract-imports-nothing-of-the-app',
      comment: 'electron/contract is the one declaration of the wire: it imports only itself and zod.',
      severity: 'error',
      from: { path: '^electron/contract/' },
      to: { pathNot: ['^electron/contract/', '^node_modules/zod/'] },
    },
    {
      name: 'pool-knows-no-domain',
      comment:
        'The process pool (electron/pool, formerly electron/engine) is generic: it imports no service; domains register their jobs with it.',
      severity: 'error',
      from: { path: '^electron/(engine|pool)/' },
      to: { path: '^electron/services/' },
    },
    {
      name: 'services-below-host',
      comment: 'Services are composed by the host and called by the CLI and the servers, never the other way round.',
      severity: 'error',
      from: { path: '^electron/services/' },
      to: { path: '^electron/(host|cli|serve|main)/' },
    },
    {
      name: 'host-below-entry-points',
      comment: 'The host is what the entry points (CLI, browser-mode server, Electron main) start; it imports none of them.',
      severity: 'error',
      from: { path: '^electron/host/' },
      to: { path: '^electron/(cli|serve|main)/' },
    },
    {
      name: 'foundations-import-nothing-above',
      comment:
        'db, shared and native (the addon loader) sit below services and the pool; the pool sits below the host: nothing imports upward (DESIGN: arrows point one way).',
      severity: 'error',
      from: { path: '^electron/(db|shared|native)/' },
      to: { path: '^electron/(services|engine|pool|host|cli|serve|main|preload)/' },
    },
    {
      name: 'pool-below-host',
      comment: 'The host composes the pool; the pool imports none of the host or the entry points.',
      severity: 'error',
      from: { path: '^electron/(engine|pool)/' },
      to: { path: '^electron/(host|cli|serve|main|preload)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles: each arrow points one way.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-types',
      comment:
        'A cycle closed only by `import type` has no load-order hazard (it vanishes when compiled) but is still two modules that know each other: warn.',
      severity: 'warn',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(native/node/index\\.(js|d\\.ts)|out/|tests/e2e/output/)' },
    // node_modules may be a symlink (worktrees): keep paths as node_modules/<pkg>/...
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
