// Package benchmark: the .vsix's size and file count (target < 1 MB), and activation (load + activate() with a
// stub `vscode`, target < 50 ms) of the bundle that ships (production: minified) and of the development bundle,
// in the same run. The development build of dist/ is restored at the end.
// Usage: node scripts/bench-package.mjs [--samples N] [--write]   (--write updates docs/BENCHMARKS.md)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from './bench/stats.mjs';
import { vsixInfo } from './lib/vsixInfo.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const samplesArg = process.argv.indexOf('--samples');
const samples = samplesArg > 0 ? Number(process.argv[samplesArg + 1]) : 15;
const loadAtStart = os.loadavg()[0];
const node = (args) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

function activation(label) {
  const runs = [];
  for (let i = 0; i < samples; i++) runs.push(JSON.parse(node([path.join('scripts', 'bench', 'activateOnce.mjs')]).trim().split('\n').pop()));
  const bytes = statSync(path.join(root, 'dist', 'extension.js')).size;
  const pick = (k) => median(runs.map((r) => r[k]));
  return { label, bytes, requireMs: pick('requireMs'), activateMs: pick('activateMs'), totalMs: pick('totalMs') };
}

const work = mkdtempSync(path.join(os.tmpdir(), 'dne-bench-package-'));
const vsix = path.join(work, 'docker-network-explorer.vsix');
let rows;
let info;
try {
  node([path.join('scripts', 'package.mjs'), '--out', vsix]);
  info = vsixInfo(vsix);
  const production = activation('production bundle (what the .vsix ships)');
  node([path.join('scripts', 'build.mjs')]);
  const development = activation('development bundle (`npm run build`, source maps)');
  rows = [production, development];
} finally {
  node([path.join('scripts', 'build.mjs')]);
  rmSync(work, { recursive: true, force: true });
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (x) => `${x.toFixed(1)} ms`;
const extensionFiles = info.files.filter((f) => f.startsWith('extension/'));
const report = [
  `Run of ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${os.cpus().length} x ${os.cpus()[0].model.trim()}, Node ${process.version}; ` +
    `load average (1 min) ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at the end. Medians of ${samples} fresh processes.`,
  'Reproduce: `node scripts/bench-package.mjs` (it runs `npm run package`, then restores the development build).',
  '',
  `The .vsix: **${kb(info.bytes)}**, ${info.files.length} zip entries (${extensionFiles.length} files of the extension, plus the VSIX manifest and content types).`,
  '',
  '| Activation (load + activate(), stub vscode) | extension.js | load | activate() | total |',
  '|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.label} | ${kb(r.bytes)} | ${ms(r.requireMs)} | ${ms(r.activateMs)} | **${ms(r.totalMs)}** |`),
  '',
  '| Target | Measured | Result |',
  '|---|---|---|',
  `| .vsix under 1 MB | ${kb(info.bytes)} | ${info.bytes < 1024 * 1024 ? 'met' : 'NOT met'} |`,
  `| activation under 50 ms (shipped bundle) | ${ms(rows[0].totalMs)} | ${rows[0].totalMs < 50 ? 'met' : 'NOT met'} |`,
].join('\n');
console.log(report);

if (process.argv.includes('--write')) {
  const docs = path.join(root, 'docs', 'BENCHMARKS.md');
  const section = `## Package and activation\n\n<!-- package:start (written by scripts/bench-package.mjs --write) -->\n${report}\n<!-- package:end -->\n`;
  const text = readFileSync(docs, 'utf8');
  const re = /## Package and activation\n\n<!-- package:start[\s\S]*?<!-- package:end -->\n/;
  writeFileSync(docs, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}`);
  console.log('bench-package: docs/BENCHMARKS.md updated');
}
