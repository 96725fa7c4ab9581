// Fills packages/docker-net-lint/ for `npm pack` / `npm publish`: the production CLI bundle (and the engine client
// it loads for --engine), the rule pages SARIF help links and descriptions come from, and the LICENSE.
// The package has no runtime dependencies: everything is bundled. Its version must be the extension's.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const target = path.join(root, 'packages', 'docker-net-lint');
const rootPkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const cliPkg = JSON.parse(readFileSync(path.join(target, 'package.json'), 'utf8'));
if (cliPkg.version !== rootPkg.version) {
  console.error(
    `build-cli-package: packages/docker-net-lint is ${cliPkg.version}, the extension ${rootPkg.version}: bump both.`,
  );
  process.exit(1);
}

execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production', '--cli-package', '--clean'], {
  cwd: root,
  stdio: 'inherit',
});
const docs = path.join(target, 'docs', 'rules');
rmSync(path.join(target, 'docs'), { recursive: true, force: true });
mkdirSync(docs, { recursive: true });
const pages = readdirSync(path.join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
for (const page of pages) copyFileSync(path.join(root, 'docs', 'rules', page), path.join(docs, page));
copyFileSync(path.join(root, 'LICENSE'), path.join(target, 'LICENSE'));
console.log(`build-cli-package: dist/cli.js, dist/dockerode.js, dist/ssh2.js, ${pages.length} rule pages, LICENSE`);
