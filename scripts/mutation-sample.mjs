#!/usr/bin/env node
// The 20-mutant sample of issue 14, re-created by hand: applies each small change to the source (one at a time),
// runs the unit tests of the folders it concerns (or the whole unit suite with --full), records whether a test
// failed (killed) or not (survived), and restores the file, also on Ctrl-C. Twelve of these survived the unit
// suite when the issue was filed; the last one (LiveGraph) was caught in only 3 of 7 runs then, so it is tried
// --repeat times (default 5). Usage: node scripts/mutation-sample.mjs [--full] [--repeat N] [id...]
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(fileURLToPath(import.meta.url), '..', '..');
const MODEL = ['test/unit/model/**/*.test.ts', 'test/unit/address/**/*.test.ts'];
const COMPOSE = ['test/unit/compose/**/*.test.ts'];
const TOPOLOGY = ['test/unit/topology/**/*.test.ts'];

/** [id, file, text to find (exactly once), replacement, tests]. */
const SAMPLE = [
  ['diff-ip-range', 'src/model/diff.ts', 'a.ipRange === b.ipRange &&', '', MODEL],
  ['diff-port-protocol', 'src/model/diff.ts', 'a.protocol === b.protocol &&', '', MODEL],
  [
    'diff-container-labels',
    'src/model/diff.ts',
    '&&\n      sameRecord(a.labels, b.labels))\n  );\n}\n\nfunction samePort',
    ')\n  );\n}\n\nfunction samePort',
    MODEL,
  ],
  ['diff-endpoint-ipv4', 'src/model/diff.ts', 'a.ipv4 === b.ipv4 &&', '', MODEL],
  ['diff-no-removed', 'src/model/diff.ts', 'if (!after.has(key)) diff.removed.push(previous);', '', MODEL],
  ['cidr-inside-prefix', 'src/model/address.ts', 'inner.prefix >= outer.prefix && ', '', MODEL],
  [
    'cidr-prefix-bound',
    'src/model/address.ts',
    'if (prefix > maxPrefix(family)) return undefined;',
    'if (prefix > maxPrefix(family) + 1) return undefined;',
    MODEL,
  ],
  [
    'overlap-never',
    'src/model/address.ts',
    'return longer.address.match([shorter.address, shorter.prefix]);',
    'return false;',
    [...MODEL, ...COMPOSE],
  ],
  [
    'dup-port-unspecified',
    'src/compose/rules/duplicatePublishedPort.ts',
    'if (isUnspecified(a) || isUnspecified(b)) return true;',
    '',
    COMPOSE,
  ],
  [
    'ipv6-service-address',
    'src/compose/rules/ipv6NotEnabled.ts',
    "if (!usable(ref.ipv6) || ipFamily(ref.ipv6.value) !== 'ipv6') continue;",
    'continue;',
    COMPOSE,
  ],
  ['static-ip-ipv6-half', 'src/compose/rules/staticIpOutsideSubnet.ts', "\n          ['ipv6', ref.ipv6],", '', COMPOSE],
  ['port-explicit-any', 'src/compose/rules/portAllInterfaces.ts', ' && !isUnspecified(p.spec.hostIp)', '', COMPOSE],
  [
    'undeclared-suggestion',
    'src/compose/rules/undeclaredNetwork.ts',
    '${near ? ` Did you mean "${near}"?` : \'\'}',
    '',
    COMPOSE,
  ],
  [
    'static-ip-replicas',
    'src/compose/rules/duplicateStaticIp.ts',
    's.replicas.value > 1',
    's.replicas.value > 2',
    COMPOSE,
  ],
  ['ipvlan-colour', 'src/topology/graph/present.ts', "    case 'ipvlan':\n", '', TOPOLOGY],
  ['shared-with-itself', 'src/topology/graph/build.ts', 'let j = i + 1;', 'let j = i;', TOPOLOGY],
  [
    'ip-range-row',
    'src/explorer/present/networkText.ts',
    "if (config.ipRange) rows.push({ field: 'ipRange', name: t('IP range'), value: config.ipRange });",
    '',
    TOPOLOGY,
  ],
  ['aggregate-count', 'src/topology/graph/build.ts', ' (${endpointCount})`', '`', TOPOLOGY],
  [
    'edge-label-ipv6-first',
    'src/topology/graph/build.ts',
    "label: e.ipv4 ?? e.ipv6 ?? '',",
    "label: e.ipv6 ?? e.ipv4 ?? '',",
    TOPOLOGY,
  ],
  [
    'live-added-containers',
    'src/topology/graph/liveGraph.ts',
    '[...containers.added, ...containers.removed]) {',
    '[...containers.removed]) {',
    TOPOLOGY,
  ],
];

const args = process.argv.slice(2);
const full = args.includes('--full');
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 5;
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--repeat');

let restore;
process.on('SIGINT', () => {
  restore?.();
  process.exit(130);
});

/**
 * Runs mocha on `specs`; resolves to the first failing test's title, or undefined when every test passed.
 * Asynchronous, so that Ctrl-C reaches the handler above and the mutated file is restored.
 */
async function failingTest(specs) {
  const mocha = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const specArgs = full
    ? ['--config', 'test/unit/.mocharc.json']
    : ['--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '120000', ...specs];
  const child = spawn(process.execPath, [mocha, ...specArgs, '--reporter', 'dot'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let stdout = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  if (status === 0) return undefined;
  const first = /^\s+1\) (.+)\n\s+(.+)/m.exec(stdout);
  return first ? `${first[1].trim()} ${first[2].trim()}`.replace(/:$/, '') : `mocha exit ${status}`;
}

const rows = [];
for (const [id, file, find, replace, specs] of SAMPLE) {
  if (only.length && !only.includes(id)) continue;
  const path = join(repoRoot, file);
  const original = readFileSync(path, 'utf8');
  if (original.split(find).length !== 2) throw new Error(`${id}: "${find}" must occur exactly once in ${file}`);
  restore = () => writeFileSync(path, original);
  writeFileSync(path, original.replace(find, replace));
  try {
    const tries = id === 'live-added-containers' ? repeat : 1;
    const results = [];
    for (let i = 0; i < tries; i++) results.push(await failingTest(specs));
    const killed = results.filter(Boolean).length;
    const verdict = killed === tries ? 'killed' : killed === 0 ? 'SURVIVED' : `caught ${killed}/${tries}`;
    rows.push(`${id.padEnd(24)} ${verdict.padEnd(12)} ${results.find(Boolean) ?? ''}`);
    console.log(rows[rows.length - 1]);
  } finally {
    restore();
    restore = undefined;
  }
}
const killedAll = rows.filter((r) => / killed /.test(r)).length;
const judgedBy = full ? 'whole unit suite' : 'tests of the folders concerned';
console.log(`\n${killedAll} of ${rows.length} mutants killed (${judgedBy})`);
process.exit(killedAll === rows.length ? 0 : 1);
