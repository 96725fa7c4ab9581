#!/usr/bin/env node
// `npm run mutation [-- scope...]`: StrykerJS over the pure parts, one scope after the other (stryker.config.mjs:
// model, compose-rules, compose-model, topology, diagnose; default all), so each run is bounded and a slow one can be
// rerun alone. Prints per scope the mutation score (killed + timed out over killed + timed out + survived + no
// coverage), the counts and the run time; HTML reports under test-results/mutation/<scope>/index.html.
// Env: DNE_MUTATION_CONCURRENCY (default 1), DNE_MUTATION_FILES (globs narrowing the scope, comma-separated),
// DNE_MUTATION_INCREMENTAL=0 (test every mutant again instead of reusing the last run's results).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scopes } from '../stryker.config.mjs';

const repoRoot = join(fileURLToPath(import.meta.url), '..', '..');
const wanted = process.argv.slice(2).filter((a) => a !== '--');
for (const s of wanted)
  if (!scopes[s]) throw new Error(`unknown scope ${s}: expected ${Object.keys(scopes).join(', ')}`);

/** Counts per status from Stryker's mutation.json (schema: files[path].mutants[].status). */
export function scoreOf(report) {
  const counts = {};
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const undetected = (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  const score = detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
  return { counts, score };
}

const rows = [];
let failed = 0;
for (const scope of wanted.length ? wanted : Object.keys(scopes)) {
  const t0 = Date.now();
  const files = process.env.DNE_MUTATION_FILES || scopes[scope].mutate.join(' ');
  console.log(`\n=== mutation ${scope}: ${files} (tests: ${scopes[scope].spec.join(' ')})`);
  const run = spawnSync('npx', ['--no-install', 'stryker', 'run', 'stryker.config.mjs'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, DNE_MUTATION_SCOPE: scope },
  });
  const minutes = ((Date.now() - t0) / 60_000).toFixed(1);
  const file = join(repoRoot, 'test-results', 'mutation', scope, 'mutation.json');
  if (run.status !== 0 || !existsSync(file)) {
    failed++;
    rows.push(`${scope}: stryker failed (exit ${run.status}) after ${minutes} min`);
    continue;
  }
  const { counts, score } = scoreOf(JSON.parse(readFileSync(file, 'utf8')));
  const list = Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  rows.push(
    `${scope}: ${score.toFixed(1)}% (${list}) in ${minutes} min; report test-results/mutation/${scope}/index.html`,
  );
}
console.log(`\n=== mutation scores\n${rows.join('\n')}`);
process.exit(failed ? 1 : 0);
