// StrykerJS mutation testing of the pure parts (docs/TESTING.md): the unit suite (mocha via tsx) must fail for
// each small change to the code. One scope per run, chosen by DNE_MUTATION_SCOPE (scripts/mutation.mjs sets it
// and runs the scopes one after the other): model, compose-rules, compose-model, topology, diagnose. Reports go to
// test-results/mutation/<scope>/ (index.html, mutation.json). Run time is bounded by concurrency (a shared
// 2-core machine), perTest coverage (each mutant runs only the tests that reach it) and incremental mode (a rerun
// tests only the mutants whose code or tests changed since the last run of the same files).

import { createHash } from 'node:crypto';
import process from 'node:process';

/**
 * Per scope: the code it mutates, and the unit tests that judge it (the tests of that part; the mocha runner
 * reloads its spec files for every mutant, so loading the whole suite each time would cost more than running it).
 */
export const scopes = {
  model: {
    mutate: ['src/model/**/*.ts'],
    spec: ['test/unit/{model,address,networkValidation,liveTopology,incremental,swarm,drivers}/**/*.test.ts'],
  },
  'compose-rules': { mutate: ['src/compose/rules/**/*.ts'], spec: ['test/unit/compose/**/*.test.ts'] },
  'compose-model': { mutate: ['src/compose/model/**/*.ts'], spec: ['test/unit/compose/**/*.test.ts'] },
  // The topology graph model: build, diff, live patching and the presented texts.
  // (the Swarm part of the graph is judged by the Swarm tests)
  topology: {
    mutate: ['src/topology/graph/**/*.ts'],
    spec: ['test/unit/topology/**/*.test.ts', 'test/unit/swarm/swarmGraph.test.ts'],
  },
  // The pure diagnosis analyzers (reachability, probe interpretation, sockets, host network, security rules).
  diagnose: { mutate: ['src/diagnose/**/*.ts'], spec: ['test/unit/diagnose/**/*.test.ts'] },
};

const scope = process.env.DNE_MUTATION_SCOPE || 'model';
// Read by the heaviest property tests (test/unit/topology/liveGraph.test.ts), which run fewer cases per mutant.
process.env.DNE_MUTATION_RUN = '1';
if (!scopes[scope]) throw new Error(`DNE_MUTATION_SCOPE=${scope}: expected one of ${Object.keys(scopes).join(', ')}`);
const reportDir = `test-results/mutation/${scope}`;
// DNE_MUTATION_FILES (comma-separated globs) narrows a scope to some of its files, e.g. to rerun one after a fix;
// DNE_MUTATION_SPEC (comma-separated globs) replaces the scope's test files.
const narrowed = process.env.DNE_MUTATION_FILES?.split(',').filter(Boolean);
// One incremental file per scope and set of files: a run narrowed to other files would otherwise overwrite the
// stored results of the previous one. DNE_MUTATION_INCREMENTAL=0 runs every mutant again.
const filesKey = narrowed?.length ? `-${createHash('sha1').update(narrowed.join(',')).digest('hex').slice(0, 8)}` : '';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  // The "never throws" robustness properties (thousands of random files per run) kill no mutant a behaviour
  // test does not, yet would run in full for every surviving mutant they cover: left out here.
  mochaOptions: {
    config: 'test/unit/.mocharc.json',
    spec: process.env.DNE_MUTATION_SPEC?.split(',') ?? scopes[scope].spec,
    require: ['tsx/cjs', './scripts/lib/mutationSetup.mjs'],
    grep: '^(?!.*never throws)',
  },
  // Mutants in code run at module load would need the whole suite each; they are listed as "ignored".
  ignoreStatic: true,
  // The TypeScript checker discards mutants that do not compile before any test runs; on a busy shared machine it
  // costs about four times the test runs' CPU, so it is on only with DNE_MUTATION_CHECK=1 (without it, such
  // mutants run through tsx, which does not type-check, and are killed or survive on their behaviour).
  checkers: process.env.DNE_MUTATION_CHECK === '1' ? ['typescript'] : [],
  // The checker type-checks src/ only (tsconfig.mutation.json): a mutant that does not compile is discarded
  // without a test run, at a fraction of the cost of checking tests and webview too.
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // One test process by default: the machine's 2 cores are shared (DNE_MUTATION_CONCURRENCY raises it).
  concurrency: Number(process.env.DNE_MUTATION_CONCURRENCY || 1),
  incremental: process.env.DNE_MUTATION_INCREMENTAL !== '0',
  incrementalFile: `test-results/mutation/incremental/${scope}${filesKey}.json`,
  timeoutMS: 20000,
  mutate: narrowed?.length ? narrowed : scopes[scope].mutate,
  ignorePatterns: ['test-results', '.vscode-test', '.stryker-tmp', 'out', 'demo', '.bench', '*.vsix'],
  tempDirName: `.stryker-tmp/${scope}`,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `${reportDir}/index.html` },
  jsonReporter: { fileName: `${reportDir}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  cleanTempDir: 'always',
};
