/**
 * The names a container answers to, as the connectivity report lists them and matches what the user typed: the
 * embedded DNS names (deduplicated whatever their case or trailing dot), "<name>.<network>", legacy links (both
 * engine spellings), and --add-host entries. Missing engine details never throw: they give fewer names.
 */
import * as assert from 'node:assert/strict';
import {
  dnsNames,
  extraHostAddress,
  isDefaultBridge,
  linkNames,
  matchesName,
} from '../../../src/diagnose/reachability/names';
import type { EngineContainerDetails } from '../../../src/engine/records';
import { container, network, snapshotOf } from '../topology/fakeTopology';

const back = network('n-back', 'backend');
const db = container('0123456789abcdef', 'DB', { composeService: 'db' });
const endpoint = () => {
  const s = snapshotOf([back], [db], [{ network: back, container: db, aliases: ['store', ' ', 'DB.'] }]);
  return s.endpoints.get('n-back/0123456789abcdef')!;
};
const details = (extra: Partial<EngineContainerDetails>): EngineContainerDetails => ({ Id: db.id, ...extra });

describe('diagnose: the names a container answers to', () => {
  it('only the built-in bridge is the default bridge', () => {
    assert.equal(isDefaultBridge(network('b', 'bridge')), true);
    assert.equal(isDefaultBridge(network('u', 'bridge', { builtIn: false })), false);
    assert.equal(isDefaultBridge(network('h', 'host', { driver: 'host' })), false);
    assert.equal(isDefaultBridge(network('x', 'other', { builtIn: true })), false);
  });

  it('lists name, service, aliases, DNS names, endpoint aliases and short id, each once whatever its case', () => {
    const withSettings = details({
      NetworkSettings: { Networks: { backend: { Aliases: ['db', 'primary'], DNSNames: ['Primary.', 'db-1'] } } },
    });
    assert.deepEqual(dnsNames(db, endpoint(), withSettings), ['DB', 'primary', 'db-1', 'store', '0123456789ab']);
  });

  it('gives the model’s names when the engine details are missing or partial', () => {
    const expected = ['DB', 'store', '0123456789ab'];
    assert.deepEqual(dnsNames(db, endpoint()), expected);
    assert.deepEqual(dnsNames(db, endpoint(), details({})), expected);
    assert.deepEqual(dnsNames(db, endpoint(), details({ NetworkSettings: {} })), expected);
    assert.deepEqual(dnsNames(db, endpoint(), details({ NetworkSettings: { Networks: { other: {} } } })), expected);
    assert.deepEqual(dnsNames(db, endpoint(), details({ NetworkSettings: { Networks: { backend: {} } } })), expected);
  });

  it('matches a typed name in any case, with a trailing dot, or suffixed with its own network only', () => {
    const names = ['db', 'primary'];
    assert.equal(matchesName(' DB. ', names, 'backend'), true);
    assert.equal(matchesName('primary.backend', names, 'Backend'), true);
    assert.equal(matchesName('primary.frontend', names, 'backend'), false);
    assert.equal(matchesName('other', names, 'backend'), false);
  });

  it('reads legacy links in both spellings, for the linked target only', () => {
    const source = details({
      HostConfig: { Links: ['/DB:/web/database', '/cache:/web/c', 'noalias'] },
      NetworkSettings: { Networks: { backend: { Links: ['DB:dbalias', 'DB', 'cache:c'] } } },
    });
    assert.deepEqual(linkNames(source, db), ['database', 'DB']);
    assert.deepEqual(linkNames(source, db, 'backend'), ['database', 'DB', 'dbalias']);
    assert.deepEqual(linkNames(source, db, 'frontend'), ['database', 'DB']);
    assert.deepEqual(linkNames(undefined, db, 'backend'), []);
    assert.deepEqual(linkNames(details({ HostConfig: {} }), db, 'backend'), []);
  });

  it('reads --add-host entries by name in any case, keeping IPv6 colons; no name, no address', () => {
    const source = details({ HostConfig: { ExtraHosts: [':10.0.0.1', 'db:10.0.0.5', 'v6host:fd00::1'] } });
    assert.equal(extraHostAddress(source, 'DB.'), '10.0.0.5');
    assert.equal(extraHostAddress(source, 'v6host'), 'fd00::1');
    assert.equal(extraHostAddress(source, ''), undefined);
    assert.equal(extraHostAddress(source, 'nothere'), undefined);
    assert.equal(extraHostAddress(undefined, 'db'), undefined);
    assert.equal(extraHostAddress(details({}), 'db'), undefined);
  });
});
