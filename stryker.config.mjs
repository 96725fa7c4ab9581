// StrykerJS mutation testing of the pure parts (docs/TESTING.md): the unit suite (mocha via tsx) must fail for
// each small change to the code. One scope per run, chosen by DNE_MUTATION_SCOPE (scripts/mutation.mjs sets it
// and runs the scopes one after the other): model, compose-rules, compose-model, topology. Reports go to
// test-results/mutation/<scope>/ (index.html, mutation.json). Run time is bounded by concurrency (a shared
// 2-core machine) and perTest coverage (each mutant runs only the tests that reach it).

/** Globs of the code each scope mutates. */
export const scopes = {
  model: ['src/model/**/*.ts'],
  'compose-rules': ['src/compose/rules/**/*.ts'],
  'compose-model': ['src/compose/model/**/*.ts'],
  // The topology graph model: graphModel.ts, or the files it is split into (graph*.ts, liveGraph*.ts).
  topology: ['src/topology/graph*.ts', 'src/topology/graph*/**/*.ts', 'src/topology/liveGraph*.ts'],
};

const scope = process.env.DNE_MUTATION_SCOPE || 'model';
if (!scopes[scope]) throw new Error(`DNE_MUTATION_SCOPE=${scope}: expected one of ${Object.keys(scopes).join(', ')}`);
const reportDir = `test-results/mutation/${scope}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  mochaOptions: { config: 'test/unit/.mocharc.json' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.DNE_MUTATION_CONCURRENCY || 2),
  timeoutMS: 20000,
  mutate: scopes[scope],
  ignorePatterns: ['test-results', '.vscode-test', 'out', 'demo', '.bench', '*.vsix'],
  tempDirName: `.stryker-tmp/${scope}`,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `${reportDir}/index.html` },
  jsonReporter: { fileName: `${reportDir}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  cleanTempDir: 'always',
};
