// `npm run package`: the Marketplace package. vsce runs `vscode:prepublish` (a clean production build: minified,
// no source maps), packs what .vscodeignore lets through, and this prints the .vsix's size and file count.
// Usage: node scripts/package.mjs [--out FILE]   (default: docker-network-explorer-<version>.vsix in the repo root)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeVsix, vsixInfo } from './lib/vsixInfo.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(
  outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, `${pkg.name}-${pkg.version}.vsix`),
);

// --no-dependencies: every runtime dependency is bundled into dist/, so node_modules is not shipped.
const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
execFileSync(vsce, ['package', '--no-dependencies', '--out', out], { cwd: root, stdio: 'inherit' });

const info = vsixInfo(out);
console.log(`package: ${describeVsix(path.relative(root, out), info)}`);
for (const f of info.files.filter((name) => name.startsWith('extension/')).sort())
  console.log(`  ${f.slice('extension/'.length)}`);
