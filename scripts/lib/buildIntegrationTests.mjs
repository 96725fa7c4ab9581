// Bundles test/integration/index.ts and every test/integration/**/*.test.ts into out/test/integration/
// (one CommonJS file each, layout kept), with `vscode` and `mocha` left external: the extension host provides
// `vscode`, and mocha is resolved from the repo's node_modules at run time.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './codeServer.mjs';

export const integrationSrc = join(repoRoot, 'test', 'integration');
export const integrationOut = join(repoRoot, 'out', 'test', 'integration');

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return findTests(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Builds the suite; returns the path of the compiled index module (the extensionTestsPath). */
export async function buildIntegrationTests() {
  const tests = findTests(integrationSrc);
  rmSync(integrationOut, { recursive: true, force: true }); // no stale tests from deleted sources
  await esbuild.build({
    entryPoints: [join(integrationSrc, 'index.ts'), ...tests],
    outdir: integrationOut,
    outbase: integrationSrc,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha', 'cpu-features', './crypto/build/Release/sshcrypto.node'],
    logLevel: 'warning',
  });
  console.log(
    `integration: built ${tests.length} test file(s): ${tests.map((t) => relative(integrationSrc, t)).join(', ')}`,
  );
  return join(integrationOut, 'index.js');
}
