/**
 * Real files must not make the linter cry wolf. awesome-compose (39 files, CC0, commit 18f59bd) lives in
 * test/fixtures/corpus/ (see its README); our own realistic shapes live in test/fixtures/compose/valid/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintFileText } from '../../../src/compose/lintFile';
import { ALL_ON } from './lintHelpers';

const CORPUS = path.resolve(__dirname, '../../fixtures/corpus/awesome-compose');
const VALID = path.resolve(__dirname, '../../fixtures/compose/valid');

function read(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

function lintPath(file: string, rules?: Record<string, 'error' | 'warning'>) {
  return lintFileText(file, fs.readFileSync(file, 'utf8'), read, { rules }).findings;
}

describe('compose lint on real-world files', () => {
  const files = fs
    .readdirSync(CORPUS)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(CORPUS, f));

  it('finds the 39 awesome-compose files', () => {
    assert.equal(files.length, 39);
  });

  it('reports nothing at all on awesome-compose with the default rules', () => {
    // Expected warnings with default settings: none. These projects use the default network or declare and use
    // their networks; pihole's static IP sits inside its declared subnet. Nothing a maintainer would change.
    const found = files.flatMap((f) => lintPath(f).map((x) => `${path.basename(f)}:${x.start.line} ${x.rule}`));
    assert.deepEqual(found, []);
  });

  it('with the opt-in security rules, reports only what they exist for (and never an error)', () => {
    const found = files.flatMap((f) => lintPath(f, ALL_ON).map((x) => ({ file: path.basename(f), ...x })));
    assert.equal(found.filter((x) => x.severity === 'error').length, 0);
    const rules = new Set(found.map((x) => x.rule));
    // port-all-interfaces: these samples publish on 0.0.0.0 for convenience; a hardened deployment binds to
    // 127.0.0.1 behind a proxy. host-network-mode: plex.yaml really uses the host network (for DLNA discovery).
    assert.deepEqual([...rules].sort(), ['host-network-mode', 'port-all-interfaces']);
    assert.deepEqual(
      found.filter((x) => x.rule === 'host-network-mode').map((x) => x.file),
      ['plex.yaml'],
    );
    // Every published port without a host address is flagged once; none with 127.0.0.1 is.
    const wireguard = found.filter((x) => x.file === 'wireguard.yaml');
    assert.equal(wireguard.length, 1);
    assert.match(wireguard[0].message, /51820\/udp/);
  });

  it('reports nothing on our realistic shapes (proxy, IPv6, macvlan, overlay, anchors, override + include)', () => {
    const shapes = [
      'web-db-proxy.yaml',
      'ipv6.yaml',
      'macvlan-static.yaml',
      'overlay-swarm.yaml',
      'anchors.yaml',
      'override-project/compose.yaml',
      'override-project/compose.override.yaml',
      'override-project/monitoring.yaml',
    ];
    for (const s of shapes) {
      const found = lintPath(path.join(VALID, s));
      assert.deepEqual(
        found.map((x) => `${x.start.line} ${x.rule}: ${x.message}`),
        [],
        s,
      );
    }
  });

  it('sees the project: the same override file alone (no base beside it) reports the references', () => {
    const file = path.join(VALID, 'override-project/compose.override.yaml');
    const alone = lintFileText(
      '/nowhere/compose.override.yaml',
      fs.readFileSync(file, 'utf8'),
      () => undefined,
    ).findings;
    assert.deepEqual(alone.map((x) => x.rule).sort(), [
      'undeclared-network',
      'undeclared-network',
      'undeclared-network',
    ]);
  });
});
