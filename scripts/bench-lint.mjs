// Compose lint benchmark: warm lint times (parse floor vs whole lint) for 100 and 1,000 services, the worker
/* global setInterval, clearInterval */
// round trip and main-thread stalls while it runs, and the CLI against dclint 3.1.0 on the same 1,000-service
// file in the same run. dclint is installed into a temporary folder (never a project dependency).
// Usage: node scripts/bench-lint.mjs [--runs N] [--dclint-dir DIR] [--write]   (--write updates docs/BENCHMARKS.md)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import { parseDocument } from 'yaml';
import { generateCompose } from './bench/compose-generator.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', '10'));
// CLI vs dclint: one-shot processes, noisy on a shared 2-core machine, so more rounds than the old 3.
const cliRounds = Number(arg('--cli-runs', '7'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-bench-lint-'));
const loadAtStart = os.loadavg()[0];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

function timeWarm(fn) {
  for (let i = 0; i < 3; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

// The lint core, bundled from the sources as the CLI and worker are.
const core = path.join(work, 'lintCore.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'src/compose/lintFile.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: core,
  logLevel: 'warning',
});
const { lintFileText } = createRequire(import.meta.url)(core);
const noFiles = () => undefined;

const sizes = [100, 1000];
const files = {};
const rows = [];
for (const n of sizes) {
  const text = generateCompose(n);
  const file = path.join(work, `compose-${n}.yaml`);
  fs.writeFileSync(file, text);
  files[n] = file;
  const lines = text.split('\n').length - 1;
  const parse = timeWarm(() => parseDocument(text, { merge: true, uniqueKeys: false }));
  let findings = 0;
  const lint = timeWarm(() => {
    findings = lintFileText(file, text, noFiles).findings.length;
  });
  rows.push({ n, lines, parse, lint, findings });
}

// The worker (dist/lintWorker.js) on the 1,000-service file, and how long the main thread stalls meanwhile.
async function workerRun() {
  const workerFile = path.join(root, 'dist/lintWorker.js');
  if (!fs.existsSync(workerFile)) return undefined;
  const worker = new Worker(workerFile);
  const text = fs.readFileSync(files[1000], 'utf8');
  const once = (id) =>
    new Promise((resolve) => {
      let maxGap = 0;
      let last = performance.now();
      const tick = setInterval(() => {
        const now = performance.now();
        maxGap = Math.max(maxGap, now - last);
        last = now;
      }, 5);
      const t0 = performance.now();
      worker.once('message', () => {
        clearInterval(tick);
        resolve({ time: performance.now() - t0, maxGap });
      });
      worker.postMessage({ id, file: files[1000], text, rules: {} });
    });
  await once(0);
  await once(1);
  const results = [];
  for (let i = 0; i < 5; i++) results.push(await once(i + 2));
  await worker.terminate();
  return { time: median(results.map((r) => r.time)), maxGap: Math.max(...results.map((r) => r.maxGap)) };
}
const workerFigures = await workerRun();

// CLI vs dclint, wall clock, same file, same run: cliRounds rounds, alternating (order flipped every round), medians.
function wall(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return { time: performance.now() - t0, status: r.status };
}
let dclintDir = arg('--dclint-dir', path.join(os.tmpdir(), 'dne-dclint-3.1.0'));
const dclintBin = () => path.join(dclintDir, 'node_modules/.bin/dclint');
if (!fs.existsSync(dclintBin())) {
  console.error(`installing dclint 3.1.0 into ${dclintDir} ...`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', dclintDir, 'dclint@3.1.0'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) dclintDir = undefined;
}
const cliRuns = [];
const dclintRuns = [];
const runCli = () =>
  cliRuns.push(wall(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', files[1000]]));
const runDclint = () => dclintDir && dclintRuns.push(wall(dclintBin(), [files[1000]]));
// The floor of any yaml-based CLI: a fresh Node that only reads and parses the file (cold JIT, as the CLI is), with
// yaml bundled into one file as in dist/cli.js (dist/yaml.js; the package's many files when it was not built).
const floorRuns = [];
const bundledYaml = path.join(root, 'dist/yaml.js');
const yamlForFloor = fs.existsSync(bundledYaml) ? bundledYaml : createRequire(import.meta.url).resolve('yaml');
const floorScript = `const y=require(${JSON.stringify(yamlForFloor)});y.parseDocument(require('fs').readFileSync(process.argv[1],'utf8'),{merge:true,uniqueKeys:false,prettyErrors:false})`;
// yaml's lexer and parser alone (its concrete syntax tree, no Document composed): what is left without the composer.
const cstRuns = [];
const cstScript = `const y=require(${JSON.stringify(yamlForFloor)});for(const t of new y.Parser().parse(require('fs').readFileSync(process.argv[1],'utf8')))void t`;
// yaml's lexer alone: the floor of the model's fast path (src/compose/model/lexTree.ts builds from these lexemes).
const lexRuns = [];
const lexScript = `const y=require(${JSON.stringify(yamlForFloor)});for(const t of new y.Lexer().lex(require('fs').readFileSync(process.argv[1],'utf8')))void t`;
const runFloor = () => {
  floorRuns.push(wall(process.execPath, ['-e', floorScript, files[1000]]));
  cstRuns.push(wall(process.execPath, ['-e', cstScript, files[1000]]));
  lexRuns.push(wall(process.execPath, ['-e', lexScript, files[1000]]));
};
for (let i = 0; i < cliRounds; i++) {
  if (i % 2 === 0) {
    runCli();
    runDclint();
    runFloor();
  } else {
    runFloor();
    runDclint();
    runCli();
  }
}
// The 39 awesome-compose files in one call each (real files: several take the parser or Document path).
const corpusDir = path.join(root, 'test/fixtures/corpus/awesome-compose');
const corpusFiles = fs
  .readdirSync(corpusDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => path.join(corpusDir, f));
const corpusCli = [];
const corpusDclint = [];
for (let i = 0; i < cliRounds; i++) {
  const runs = [
    () => corpusCli.push(wall(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', ...corpusFiles])),
    () => dclintDir && corpusDclint.push(wall(dclintBin(), corpusFiles)),
  ];
  for (const run of i % 2 === 0 ? runs : runs.reverse()) run();
}
const cli = { time: median(cliRuns.map((r) => r.time)), status: cliRuns[0].status };
const dclint = dclintDir ? { time: median(dclintRuns.map((r) => r.time)), status: dclintRuns[0].status } : undefined;

const cpu = `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}`;
const lines = [];
lines.push(
  `Run of ${new Date().toISOString().slice(0, 19)}Z on ${cpu}, Node ${process.version}; warm figures are medians of ${runs} runs after 3 warm-ups.`,
);
lines.push(
  `Load average (1 min) ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at the end${os.loadavg()[0] > os.cpus().length ? ': other work shared the machine, so absolute times are inflated; the CLI and dclint ran in the same run, alternating' : ''}.`,
);
lines.push(
  'Reproduce: `npm run build && node scripts/bench-lint.mjs` (files from `scripts/bench/compose-generator.mjs`).',
);
lines.push('');
lines.push(
  '| Services | Lines | yaml Document parse alone | Whole lint (parse + model + every rule) | Lint minus the Document parse | Findings |',
);
lines.push('|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  lines.push(`| ${r.n} | ${r.lines} | ${ms(r.parse)} | ${ms(r.lint)} | ${ms(r.lint - r.parse)} | ${r.findings} |`);
lines.push('');
if (workerFigures) {
  lines.push(
    `Worker (dist/lintWorker.js), 1,000 services, request to findings: ${ms(workerFigures.time)}; longest main-thread stall meanwhile: ${ms(workerFigures.maxGap)} (5 ms timer).`,
  );
}
lines.push(
  `Keystroke to diagnostics for 100 services: debounce 200 ms + worker lint (about ${ms(rows[0].lint)}) = about ${ms(200 + rows[0].lint)}.`,
);
lines.push('');
const floorTime = median(floorRuns.map((r) => r.time));
const range = (rs) => `${ms(Math.min(...rs.map((r) => r.time)))} - ${ms(Math.max(...rs.map((r) => r.time)))}`;
lines.push(
  `| CLI on the 1,000-service file (wall clock incl. Node start, median of ${cliRounds}) | Time | Range | Exit |`,
);
lines.push('|---|---:|---:|---:|');
lines.push(
  `| docker-net-lint (\`node dist/cli.js --format json\`) | ${ms(cli.time)} | ${range(cliRuns)} | ${cli.status} |`,
);
if (dclint) lines.push(`| dclint 3.1.0 | ${ms(dclint.time)} | ${range(dclintRuns)} | ${dclint.status} |`);
lines.push(
  `| floor: \`node -e\` reading and parsing the file with the bundled \`yaml\` only, nothing else | ${ms(floorTime)} | ${range(floorRuns)} | ${floorRuns[0].status} |`,
);
lines.push(
  `| \`node -e\` running yaml's lexer and parser only (no composed Document) | ${ms(median(cstRuns.map((r) => r.time)))} | ${range(cstRuns)} | ${cstRuns[0].status} |`,
);
lines.push(
  `| \`node -e\` running yaml's lexer only (what the CLI's model is built from on block-style files) | ${ms(median(lexRuns.map((r) => r.time)))} | ${range(lexRuns)} | ${lexRuns[0].status} |`,
);
if (dclint)
  lines.push(
    `| ratio of the medians | ${(dclint.time / cli.time).toFixed(1)}x faster (the parse floor alone would be ${(dclint.time / floorTime).toFixed(1)}x) | | |`,
  );
if (dclint) {
  const c = median(corpusCli.map((r) => r.time));
  const d = median(corpusDclint.map((r) => r.time));
  lines.push(
    `| the ${corpusFiles.length} awesome-compose files in one call: docker-net-lint | ${ms(c)} | ${range(corpusCli)} | ${corpusCli[0].status} |`,
  );
  lines.push(`| the same files: dclint 3.1.0 | ${ms(d)} | ${range(corpusDclint)} | ${corpusDclint[0].status} |`);
  lines.push(`| ratio of the medians on the corpus | ${(d / c).toFixed(1)}x faster | | |`);
}
lines.push('');
const gap = cli.time - floorTime;
lines.push(
  `The CLI builds its model from yaml's lexer (falling back to the parser's syntax tree, then to a composed Document, ` +
    `for files outside the plain block style, and always for files with syntax errors), so it is ${ms(Math.abs(gap))} ` +
    `${gap < 0 ? 'below' : 'above'} the composed-Document floor, with its own module load, the model, every rule and ` +
    `the output included.${dclint ? ` 10x needs ${ms(dclint.time / 10)}.` : ''}`,
);
lines.push('');
lines.push('| Target | Measured | Result |');
lines.push('|---|---|---|');
const met = (ok) => (ok ? 'met' : 'not met');
lines.push(`| 100 services: whole lint < 100 ms warm | ${ms(rows[0].lint)} | ${met(rows[0].lint < 100)} |`);
lines.push(
  `| 100 services: keystroke to diagnostics < 300 ms (debounce 200 ms) | about ${ms(200 + rows[0].lint)} | ${met(200 + rows[0].lint < 300)} |`,
);
if (workerFigures)
  lines.push(
    `| 1,000 services: done < 1 s, off the main thread | ${ms(workerFigures.time)} in the worker | ${met(workerFigures.time < 1000)} |`,
  );
if (dclint)
  lines.push(
    `| CLI >= 10x faster than dclint on 1,000 services | ${(dclint.time / cli.time).toFixed(1)}x | ${met(dclint.time / cli.time >= 10)} |`,
  );
if (dclint) {
  const ratio = median(corpusDclint.map((r) => r.time)) / median(corpusCli.map((r) => r.time));
  lines.push(`| CLI >= 15x faster than dclint on the corpus (one call) | ${ratio.toFixed(1)}x | ${met(ratio >= 15)} |`);
}
const report = lines.join('\n');
console.log(report);

if (process.argv.includes('--write')) {
  const docs = path.join(root, 'docs/BENCHMARKS.md');
  const current = fs.existsSync(docs) ? fs.readFileSync(docs, 'utf8') : '# Benchmarks\n';
  const section = `## Compose lint\n\n<!-- compose-lint:start (written by scripts/bench-lint.mjs --write) -->\n${report}\n<!-- compose-lint:end -->\n`;
  const re = /## Compose lint\n\n<!-- compose-lint:start[\s\S]*?<!-- compose-lint:end -->\n/;
  fs.writeFileSync(docs, re.test(current) ? current.replace(re, section) : `${current.trimEnd()}\n\n${section}`);
  console.error(`updated ${path.relative(root, docs)}`);
}
fs.rmSync(work, { recursive: true, force: true });
