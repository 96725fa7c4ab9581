#!/usr/bin/env node
// Exit 0 when node_modules holds what package-lock.json asks for (every non-optional package present at its
// locked version), 1 otherwise, printing the first mismatch. Content-based, so a git checkout that only touches
// file times never triggers a needless `npm ci`, and a changed lock file always does.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './codeServer.mjs';

const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
for (const [path, meta] of Object.entries(lock.packages ?? {})) {
  if (path === '' || meta.link) continue;
  const manifest = join(repoRoot, path, 'package.json');
  if (!existsSync(manifest)) {
    if (meta.optional) continue; // platform-specific optional packages may be absent
    console.log(`deps: ${path} is missing`);
    process.exit(1);
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (meta.version && version !== meta.version) {
    console.log(`deps: ${path} is ${version}, package-lock.json wants ${meta.version}`);
    process.exit(1);
  }
}
