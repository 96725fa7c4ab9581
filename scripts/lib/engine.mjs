// Makes sure the Docker engine answers and the local test image exists before a suite runs.
// start-engine.sh leaves a running engine alone; make-test-image.sh does nothing when the image is there.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './codeServer.mjs';

export function ensureEngineAndImage() {
  for (const script of ['start-engine.sh', 'make-test-image.sh']) {
    const r = spawnSync('bash', [join(repoRoot, 'scripts', script)], { stdio: 'inherit' });
    if (r.status !== 0) {
      throw new Error(
        `scripts/${script} failed (exit ${r.status}): the suites need a Docker engine and the dne-busybox image; run scripts/setup-machine.sh as root`,
      );
    }
  }
}

/** Runs a command with inherited output and throws when it fails (used for the build steps). */
export function runOrThrow(cmd, args, what) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: repoRoot });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal})`);
}

/** Builds the extension bundles, unless DNE_SKIP_BUILD=1 (scripts/test.sh builds once before all suites). */
export function buildExtension() {
  if (process.env.DNE_SKIP_BUILD === '1') return;
  runOrThrow(process.execPath, ['scripts/build.mjs'], 'building the extension (scripts/build.mjs)');
}
