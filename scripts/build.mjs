// Bundles the extension host code, the lint CLI, the lint worker and the webview with esbuild.
import * as esbuild from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// --cli-package: only the CLI and the engine client it loads for --engine, into the standalone npm package.
const cliPackage = process.argv.includes('--cli-package');
const outdir = cliPackage ? 'packages/docker-net-lint/dist' : 'dist';
const CLI_PACKAGE_FILES = ['dist/cli.js', 'dist/dockerode.js', 'dist/ssh2.js'];
// --clean: start from an empty output folder (a package must hold no stale bundle or source map).
if (process.argv.includes('--clean')) rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// ssh2's optional native helpers: loaded in try/catch by ssh2, never needed here.
const nodeExternals = ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'];

// dockerode and its dependencies (~2 MB) get their own bundle, required on first engine use only: parsing them on
// the activation path alone costs more than the 50 ms activation budget.
const dockerodeApart = {
  name: 'dockerode-apart',
  setup(build) {
    build.onResolve({ filter: /^dockerode$/ }, () => ({ path: './dockerode.js', external: true }));
  },
};

// The same for `yaml` (~260 KB): the extension host needs it only when it lints in-process or compares a compose
// plan in the topology panel; the lint worker and the CLI bundle it inline.
const yamlApart = {
  name: 'yaml-apart',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};

// And `ssh2` (~600 KB): docker-modem (inside dockerode.js) and the engine's key check both require it; one bundle of
// its own, loaded on first ssh use, keeps it out of the activation path and out of the package twice.
const ssh2Apart = {
  name: 'ssh2-apart',
  setup(build) {
    build.onResolve({ filter: /^ssh2$/ }, () => ({ path: './ssh2.js', external: true }));
  },
};

const entries = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [dockerodeApart, yamlApart, ssh2Apart] },
  {
    entryPoints: [createRequire(import.meta.url).resolve('dockerode')],
    outfile: 'dist/dockerode.js',
    plugins: [ssh2Apart],
  },
  { entryPoints: [createRequire(import.meta.url).resolve('ssh2')], outfile: 'dist/ssh2.js' },
  { entryPoints: [createRequire(import.meta.url).resolve('yaml')], outfile: 'dist/yaml.js' },
  {
    entryPoints: ['src/compose/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [dockerodeApart, ssh2Apart],
  },
  { entryPoints: ['src/compose/lintWorker.ts'], outfile: 'dist/lintWorker.js' },
]
  .filter((e) => existsSync(e.entryPoints[0]) && (!cliPackage || CLI_PACKAGE_FILES.includes(e.outfile)))
  .map((e) => ({ ...e, outfile: e.outfile.replace(/^dist\//, `${outdir}/`) }));

const configs = entries.map((e) => ({
  ...common,
  ...e,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: nodeExternals,
}));

if (existsSync('webview/main.ts') && !cliPackage) {
  configs.push({
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
}

if (existsSync('webview/connectivity/main.ts')) {
  configs.push({
    ...common,
    entryPoints: ['webview/connectivity/main.ts'],
    outfile: 'dist/connectivityWebview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
}

if (watch) {
  for (const c of configs) (await esbuild.context(c)).watch();
  console.log('build: watching');
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
  console.log(`build: ${configs.map((c) => c.outfile).join(', ')}`);
}
