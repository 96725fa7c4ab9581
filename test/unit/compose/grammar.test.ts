/**
 * The injection grammar's regular expressions, run with JavaScript's engine (the patterns avoid Oniguruma-only
 * syntax so this is the same language): what gets scoped as an address, a CIDR or a network reference.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Pattern {
  name?: string;
  match?: string;
}
const grammar = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../syntaxes/compose-network.injection.tmLanguage.json'), 'utf8'),
) as {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, { patterns?: Pattern[]; match?: string; begin?: string; end?: string }>;
};
const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] };
};

function scopesIn(line: string): string[] {
  const found: string[] = [];
  for (const p of grammar.repository.addresses.patterns ?? []) {
    for (const m of line.matchAll(new RegExp(p.match!, 'g')))
      found.push(`${p.name!.split('.').slice(2, 4).join('.')}=${m[0]}`);
  }
  return found;
}

describe('compose network injection grammar', () => {
  it('is contributed for YAML (the dockercompose language uses the source.yaml grammar too)', () => {
    const g = pkg.contributes.grammars.find((x) => x.scopeName === grammar.scopeName);
    assert.ok(g);
    assert.deepEqual(g.injectTo, ['source.yaml']);
    assert.ok(fs.existsSync(path.resolve(__dirname, '../../..', g.path)));
    assert.match(grammar.injectionSelector, /^L:source\.yaml/);
  });

  it('scopes IPv4/IPv6 addresses and CIDR blocks, and leaves versions and ports alone', () => {
    assert.deepEqual(scopesIn('        - subnet: 172.28.0.0/16'), ['cidr.ipv4=172.28.0.0/16']);
    assert.deepEqual(scopesIn('        ipv4_address: 172.28.0.5'), ['ip.ipv4=172.28.0.5']);
    assert.deepEqual(scopesIn('        - subnet: fd00:1:2::/64'), ['cidr.ipv6=fd00:1:2::/64']);
    assert.deepEqual(scopesIn('        ipv6_address: "fd00::10"'), ['ip.ipv6=fd00::10']);
    assert.deepEqual(scopesIn('      - "[::1]:8080:80"'), ['ip.ipv6=::1']);
    assert.deepEqual(scopesIn('    image: nginx:1.27.0.1'), []);
    assert.deepEqual(scopesIn('      - "8080:80"'), []);
    assert.deepEqual(scopesIn("version: '3.7'"), []);
  });

  it('scopes network references in flow lists, block lists and map keys, and the network_mode target', () => {
    const flow = new RegExp(grammar.repository['networks-flow'].match!).exec('    networks: [front, back-end]');
    assert.equal(flow?.[5], 'front, back-end');
    const block = grammar.repository['networks-block'] as { patterns: { match?: string }[] };
    const item = new RegExp(block.patterns[0].match!).exec('      - backend # comment');
    assert.equal(item?.[3], 'backend');
    const key = new RegExp(block.patterns[1].match!);
    assert.equal(key.exec('      frontend:')?.[2], 'frontend');
    assert.equal(key.exec('        ipv4_address: 10.0.0.2'), null);
    const mode = new RegExp(grammar.repository['network-mode'].match!).exec('    network_mode: "service:vpn"');
    assert.equal(mode?.[6], 'vpn');
  });

  it('ends the networks block at the next key of the same or lower indentation', () => {
    const end = new RegExp(grammar.repository['networks-block'].end!.replace('\\1', '    '));
    assert.equal(end.test('      - x'), false);
    assert.equal(end.test(''), false);
    assert.equal(end.test('    ports:'), true);
  });
});
